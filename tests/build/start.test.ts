import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR, runNode, waitForStdout } from './process-helpers';

// `npm start` on a machine without the Electron runtime: it explains why and falls back to
// browser mode, printing a URL that serves the app. The download attempt is switched off
// (BTS_SKIP_ELECTRON_DOWNLOAD) so the test makes no outside traffic, and the Electron module is
// pointed at one that does not exist so the path taken is the same on a machine that has it.

const dataDir = mkdtempSync(join(tmpdir(), 'bts-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start without the Electron runtime', () => {
  it('explains, starts browser mode, prints a URL that serves the app, and stops on SIGTERM', async () => {
    const run = runNode('build/start.mjs', [], {
      BTS_SKIP_ELECTRON_DOWNLOAD: '1',
      BTS_ELECTRON_MODULE: './no-such-electron-module',
      BTS_NO_OPEN: '1',
      BTS_DATA_DIR: dataDir,
    });
    try {
      const [url] = await waitForStdout(run, /http:\/\/127\.0\.0\.1:\d+\/launch\?code=[0-9a-f]{64}/);
      expect(run.stderr()).toContain('The Electron runtime could not be downloaded (it comes from GitHub, which this network blocks). Starting browser mode instead');
      const page = await fetch(new URL('/', url));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await page.text()).toBe(readFileSync(join(PROJECT_DIR, 'out', 'renderer', 'index.html'), 'utf8'));
      // The printed one-time link buys the session cookie that opens the API.
      const launch = await fetch(url, { redirect: 'manual' });
      expect(launch.status).toBe(303);
      const cookie = (launch.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const info = await fetch(new URL('/api/app.info', url), { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
      expect(await info.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      await expect(fetch(new URL('/', url))).rejects.toThrow();
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 180_000);
});
