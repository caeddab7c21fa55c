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

describe('npm start -- --private-keyring on a host without a Secret Service', () => {
  it('goes to browser mode with a throw-away keyring of this run, which the health report shows as working', async () => {
    const run = runNode('build/start.mjs', ['--private-keyring'], {
      BTS_NO_OPEN: '1',
      BTS_DATA_DIR: dataDir,
      // A session bus address that names nothing: no Secret Service here.
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bts-no-session-bus',
      DISPLAY: '',
    });
    try {
      const [url] = await waitForStdout(run, /http:\/\/127\.0\.0\.1:\d+\/launch\?code=[0-9a-f]{64}/);
      expect(run.stderr()).toContain('Starting browser mode with a private keyring for this run');
      const launch = await fetch(url, { redirect: 'manual' });
      const cookie = (launch.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const health = await fetch(new URL('/api/health.report', url), { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
      expect(await health.json()).toMatchObject({ ok: true, value: { healthy: true, keychain: { status: 'available', store: 'private_session' }, mode: 'browser' } });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 180_000);

  it('refuses an option it does not know (exit 2), naming the one it has', async () => {
    const r = runNode('build/start.mjs', ['--privte-keyring'], { BTS_DATA_DIR: dataDir });
    expect(await r.exited).toBe(2);
    expect(r.stderr()).toContain('unknown option --privte-keyring; the only one is --private-keyring');
  }, 60_000);
});

