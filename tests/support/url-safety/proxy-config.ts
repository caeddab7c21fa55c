import { expect } from 'vitest';
import { z } from 'zod';
import type { MethodName } from '../../../shared/contract/method-names';
import { confirmed } from '../domain-builders';
import type { ProxyWorld } from './proxy-world';

// A malformed HTTPS_PROXY / NO_PROXY in the environment a root is built from used to crash the
// first request ("unexpected error: Invalid URL" from undici's ProxyAgent). Now every call that
// would connect answers PROXY_CONFIG_INVALID, before DNS and before any connection. The Data
// Center name resolves (the test's DNS) so the old code did reach the ProxyAgent.

export const MALFORMED: ReadonlyArray<readonly [string, (proxyUrl: string) => Record<string, string>]> = [
  ['HTTPS_PROXY', () => ({ HTTPS_PROXY: 'http://[proxy.corp:3128' })],
  ['https_proxy', () => ({ https_proxy: 'proxy.corp:3128' })],
  ['NO_PROXY', (proxyUrl) => ({ HTTPS_PROXY: proxyUrl, NO_PROXY: 'localhost,http://intranet.corp' })],
];

const SavedId = z.object({ ok: z.literal(true), value: z.object({ target: z.object({ id: z.string() }) }) });

/** A root's contract, as a test reaches it (an api in-process, or the desktop entry's IPC handlers). */
export type CallRoot = (name: MethodName, input: unknown) => Promise<unknown>;

/**
 * url.probe, url.checkTarget and checks.run of a saved target through `call`: each
 * PROXY_CONFIG_INVALID naming `variable`, the stored checks untouched, nothing sent.
 */
export const expectProxyConfigRefused = async (call: CallRoot, pw: ProxyWorld, variable: string): Promise<void> => {
  const tunnels = pw.proxy.connects.length;
  const questions = pw.world.dns.questions.length;
  const refused = { ok: false, error: { code: 'PROXY_CONFIG_INVALID', details: { variable } } };
  expect(await call('url.probe', { base_url: pw.baseUrl, ca_pem: pw.caPem, allowlist_status: 'direct' })).toMatchObject(refused);
  const saved = await call('targets.save', {
    target: {
      provider_key: 'bitbucket_data_center_issues',
      deployment_mode: 'self-hosted',
      confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
      base_url: pw.baseUrl,
      allowlist_status: 'direct',
    },
  });
  const id = SavedId.parse(saved).value.target.id;
  expect(await call('url.checkTarget', { target_id: id })).toMatchObject(refused);
  expect(await call('checks.run', { target_id: id })).toMatchObject(refused);
  expect(await call('targets.get', { id })).toMatchObject({ ok: true, value: { checks: {} } });
  expect(pw.proxy.connects.length).toBe(tunnels);
  expect(pw.world.dns.questions.length).toBe(questions);
};
