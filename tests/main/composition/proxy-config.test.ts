import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/api';
import { createNodeDeps } from '../../../main/composition/node-deps';
import { expectProxyConfigRefused, MALFORMED } from '../../support/url-safety/proxy-config';
import { startProxyWorld, type ProxyWorld } from '../../support/url-safety/proxy-world';

// Browser mode and the CLI: a malformed proxy environment is a coded answer, not a crash
// (tests/support/url-safety/proxy-config.ts says what is checked).

describe.each(['browser', 'cli'] as const)('createNodeDeps (%s) with a malformed proxy environment', (mode) => {
  let pw: ProxyWorld;
  const dirs: string[] = [];
  beforeAll(async () => {
    pw = await startProxyWorld();
  });
  afterAll(async () => {
    await pw.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it.each(MALFORMED)('%s: every call that would connect answers PROXY_CONFIG_INVALID, and nothing is sent', async (variable, env) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bts-proxy-config-'));
    dirs.push(dataDir);
    const deps = createNodeDeps({ dataDir, mode, secretService: 'bts-test-unused', env: env(pw.proxy.url), network: pw.overrides });
    const api = createApi(deps);
    await expectProxyConfigRefused((name, input) => api.call(name, input), pw, variable);
  });

  it('the offline URL check needs no proxy and still answers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bts-proxy-config-'));
    dirs.push(dataDir);
    const deps = createNodeDeps({ dataDir, mode, secretService: 'bts-test-unused', env: { HTTPS_PROXY: 'http://[proxy.corp:3128' }, network: pw.overrides });
    expect(await createApi(deps).call('url.check', { url: pw.baseUrl, offline: true })).toMatchObject({ ok: true, value: { verdict: 'allow' } });
  });
});
