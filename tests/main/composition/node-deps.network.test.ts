import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDeps } from '../../../main/composition/node-deps';
import { startProxyWorld, type ProxyWorld } from '../../support/url-safety/proxy-world';

// The plain-Node composition root (browser mode and the CLI) gives the wizard's URL check and the
// provider calls one network: with HTTPS_PROXY set, both go through the proxy.

describe.each(['browser', 'cli'] as const)('createNodeDeps (%s): one proxy env for the URL check and the provider calls', (mode) => {
  let pw: ProxyWorld;
  let dataDir: string;
  beforeAll(async () => {
    pw = await startProxyWorld();
    dataDir = mkdtempSync(join(tmpdir(), 'bts-root-'));
  });
  afterAll(async () => {
    await pw.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('both reach the Data Center through the CONNECT proxy', async () => {
    const deps = createNodeDeps({ dataDir, mode, secretService: 'bts-test-unused', env: pw.env, network: pw.overrides });
    const seen = await pw.prove(deps);
    expect(seen.urlCheck).toMatchObject({ viaProxy: true });
    expect(seen.urlCheck.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(seen.providers).toMatchObject({ viaProxy: true, instance: 'pass' });
    expect(seen.providers.tunnels.length).toBeGreaterThanOrEqual(3);
  });
});
