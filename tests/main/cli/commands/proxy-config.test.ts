import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../../main/services/net/network';
import { startProxyWorld, type ProxyWorld } from '../../../support/url-safety/proxy-world';
import { dataCenterTargetFile } from '../cli-expect';
import { fakeIO } from '../fake-io';

// A malformed HTTPS_PROXY used to end every connecting command in "unexpected error: Invalid URL"
// (an exception out of undici's ProxyAgent). Now each says PROXY_CONFIG_INVALID on stderr, names
// the variable, never quotes the proxy's password, and exits 2 (EXIT_CODES: a malformed
// environment setting is a usage error). The name resolves (the test's DNS), so the old code did
// reach the ProxyAgent.

const PASSWORD = 'pw-in-proxy-77';
const ENV = { HTTPS_PROXY: `http://ops:${PASSWORD}@[proxy.corp:3128` };

describe('connecting commands with a malformed HTTPS_PROXY', () => {
  let pw: ProxyWorld;
  let dir: string;
  beforeAll(async () => {
    pw = await startProxyWorld();
    dir = mkdtempSync(join(tmpdir(), 'bts-cli-proxy-'));
  });
  afterAll(async () => {
    await pw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (argv: readonly string[]) => {
    const f = fakeIO({ env: { ...ENV, BTS_BITBUCKET_SECRET: 'BBDC-unused-token-5' } }, { network: createNetwork(ENV, pw.overrides) });
    try {
      return await f.run([...argv]);
    } finally {
      f.cleanup();
    }
  };

  it.each([
    ['probe', () => ['probe', pw.baseUrl]],
    ['network-request', () => ['network-request', pw.baseUrl, '--allowlist-status', 'direct']],
    ['radar --probe', () => ['radar', '--probe', pw.baseUrl]],
    [
      'check',
      () => {
        const file = join(dir, 'target.json');
        writeFileSync(file, JSON.stringify(dataCenterTargetFile(pw.baseUrl)));
        return ['check', '--target', file];
      },
    ],
  ])('%s: PROXY_CONFIG_INVALID on stderr, exit 2, nothing sent', async (_name, argv) => {
    const tunnels = pw.proxy.connects.length;
    const r = await run(argv());
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(/PROXY_CONFIG_INVALID: HTTPS_PROXY is not usable: it is not a URL/u);
    expect(r.err.join('\n')).not.toContain(PASSWORD);
    expect(pw.proxy.connects.length).toBe(tunnels);
  });

  it('url-check makes no connection, so it still answers (stages 1-4 need no proxy)', async () => {
    const r = await run(['url-check', pw.baseUrl]);
    expect(r.code).toBe(0);
  });
});
