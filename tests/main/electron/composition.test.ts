import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFileLogger } from '../../../main/services/logging/logger';
import { startProxyWorld, type ProxyWorld } from '../../support/url-safety/proxy-world';

// The desktop composition root, built in plain Node: `electron` (and electron-store, which needs
// it) are stubs that fail if touched, since building the deps must not need Electron. Before,
// this root handed the URL checks no network at all, so the wizard's check ignored HTTPS_PROXY
// while "Test connection" honoured it.

const touched: string[] = [];
vi.mock('electron', () => ({
  app: new Proxy({}, { get: (_t, key) => { touched.push(`app.${String(key)}`); throw new Error('electron stub: app used'); } }),
}));
vi.mock('electron-store', () => ({
  default: class {
    constructor() {
      touched.push('electron-store');
      throw new Error('electron-store stub: constructed');
    }
  },
}));

const { createDesktopDeps } = await import('../../../main/electron/composition');

describe('createDesktopDeps: one proxy env for the URL check and the provider calls', () => {
  let pw: ProxyWorld;
  let dataDir: string;
  beforeAll(async () => {
    pw = await startProxyWorld();
    dataDir = mkdtempSync(join(tmpdir(), 'bts-desktop-root-'));
  });
  afterAll(async () => {
    await pw.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('both reach the Data Center through the CONNECT proxy', async () => {
    const deps = createDesktopDeps({
      dataDir,
      versions: { electron: '0.0.0-stub', chrome: '0.0.0-stub' },
      shell: { openExternal: async () => undefined },
      logger: createFileLogger({ file: join(dataDir, 'logs', 'app.log') }),
      env: pw.env,
      network: pw.overrides,
    });
    const seen = await pw.prove(deps);
    expect(seen.urlCheck).toMatchObject({ viaProxy: true });
    expect(seen.urlCheck.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(seen.providers).toMatchObject({ viaProxy: true, instance: 'pass' });
    expect(seen.providers.tunnels.length).toBeGreaterThanOrEqual(3);
    expect(deps.appInfo.runtime.electron).toBe('0.0.0-stub');
    expect(touched).toEqual([]);
  });
});
