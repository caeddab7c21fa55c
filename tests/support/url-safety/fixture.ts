import type { ServerResponse } from 'node:http';
import { confirmed } from '../domain-builders';
import type { Network } from '../../../main/services/net/network';
import type { SafeClientOptions } from '../../../main/services/net/safe-http-client';
import { parseProxyEnv, type ProxyEnv } from '../../../main/services/net/proxy-env';
import { DEFAULT_POLICY, type AddressJudge } from '../../../main/services/url-safety/policy';
import { createDnsResolver, type Resolver } from '../../../main/services/url-safety/resolver';
import { startDnsServer, type RunningDns } from './dns-server';
import { permitting, testNetwork } from './test-network';

// The usual network-test world: names under example-corp.com resolve (through a real UDP DNS
// server on loopback) to 127.0.0.2, which the test's own address judge permits (test-network.ts).
// 127.0.0.1 stays blocked, so a probe that reaches it would be a bug. No traffic leaves loopback.

export const TEST_ADDR = '127.0.0.2';
export const TEST_PERMIT = [`${TEST_ADDR}/32`] as const;
/** The production judge, plus TEST_ADDR. */
export const testJudge: AddressJudge = permitting(TEST_PERMIT);

export interface TestWorld {
  readonly dns: RunningDns;
  readonly resolver: Resolver;
  /** The world as a composition root's network (its resolver and judge, no proxy). */
  readonly network: Network;
  /** Engine options in this world; `env` is parsed as a root parses it (a malformed one throws: a test bug). */
  options(extra?: Partial<SafeClientOptions> & { readonly env?: ProxyEnv }): SafeClientOptions;
  close(): Promise<void>;
}

export const startWorld = async (answers: Readonly<Record<string, readonly string[]>> = {}): Promise<TestWorld> => {
  const dns = await startDnsServer((name, type) => {
    const fixed = answers[name];
    if (fixed !== undefined) return fixed.filter((ip) => (type === 'A' ? !ip.includes(':') : ip.includes(':')));
    return name.endsWith('.example-corp.com') && type === 'A' ? [TEST_ADDR] : [];
  });
  const resolver = createDnsResolver({ servers: [dns.server], timeoutMs: 1000, tries: 1 });
  return {
    dns,
    resolver,
    network: testNetwork({ resolver, permit: TEST_PERMIT }),
    options: ({ env = {}, ...extra } = {}) => {
      const proxy = parseProxyEnv(env);
      if (!proxy.ok) throw new Error(proxy.error.message);
      return { policy: DEFAULT_POLICY, resolver, judge: testJudge, proxy: proxy.value, ...extra };
    },
    close: () => dns.close(),
  };
};

/** A Data Center target draft on a test server, reached directly, trusting `caPem` as its corporate CA. */
export const dcDraft = (baseUrl: string, caPem: string, extra: Readonly<Record<string, unknown>> = {}) => ({
  provider_key: 'bitbucket_data_center_issues',
  deployment_mode: 'self-hosted',
  confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
  base_url: baseUrl,
  allowlist_status: 'direct',
  ca_pem: caPem,
  ...extra,
});

export const APP_PROPS = { version: '9.4.2', buildNumber: '9004002', buildDate: '1730000000000', displayName: 'Bitbucket' };

export const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

export const redirect = (res: ServerResponse, location: string, status = 302): void => {
  res.writeHead(status, { location });
  res.end();
};
