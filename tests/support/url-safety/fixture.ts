import type { ServerResponse } from 'node:http';
import type { SafeClientOptions } from '../../../main/services/net/safe-http-client';
import { DEFAULT_POLICY } from '../../../main/services/url-safety/policy';
import { createDnsResolver, type Resolver } from '../../../main/services/url-safety/resolver';
import { startDnsServer, type RunningDns } from './dns-server';

// The usual network-test world: names under example-corp.com resolve (through a real UDP DNS
// server on loopback) to 127.0.0.2, which a test-only policy hook permits. 127.0.0.1 stays
// blocked, so a probe that reaches it would be a bug. No traffic leaves loopback.

export const TEST_ADDR = '127.0.0.2';
export const TEST_PERMIT = [`${TEST_ADDR}/32`] as const;

export interface TestWorld {
  readonly dns: RunningDns;
  readonly resolver: Resolver;
  options(extra?: Partial<SafeClientOptions>): SafeClientOptions;
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
    options: (extra = {}) => ({ policy: { ...DEFAULT_POLICY, permit_cidrs: TEST_PERMIT }, resolver, env: {}, ...extra }),
    close: () => dns.close(),
  };
};

export const APP_PROPS = { version: '9.4.2', buildNumber: '9004002', buildDate: '1730000000000', displayName: 'Bitbucket' };

export const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

export const redirect = (res: ServerResponse, location: string, status = 302): void => {
  res.writeHead(status, { location });
  res.end();
};
