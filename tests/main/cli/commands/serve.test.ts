import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openInBrowser } from '../../../../main/composition/open-browser';
import { runCli } from '../../../../main/cli/run';
import { rawRequest } from '../../server/http-helpers';
import { redeemLink } from '../../server/session-helpers';
import { fakeIO } from '../fake-io';
import { ATTACKER_SCRIPT } from './serve-attacker';

// `serve` opens the browser on an owner-only launch file, never on a link: the opener's argv is
// readable by every local user. These tests run the real command, the real opener (through
// $BROWSER, pointed at a fake browser that stays alive) and, as root, a real second OS user.

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A built UI stand-in. */
const withUi = (): string => {
  const dir = tempDir('bts-ui-');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  return dir;
};

/** An executable "browser" that records its pid and stays alive, so its argv can be read from /proc. */
const fakeBrowser = () => {
  const dir = tempDir('bts-browser-');
  chmodSync(dir, 0o755);
  const bin = join(dir, 'fake-browser');
  const pidFile = join(dir, 'pid');
  writeFileSync(bin, `#!/bin/sh\necho $$ > '${pidFile}'\nsleep 60\n`, { mode: 0o755 });
  const pid = (): number | null => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) || null : null);
  cleanups.push(() => {
    const p = pid();
    // Spawned detached, so it leads its own process group: end the shell and its sleep, by id.
    if (p !== null) {
      try {
        process.kill(-p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  return { bin, pid };
};

/** `serve` through runCli with the real opener, $BROWSER pointed at `browser`, in a private runtime dir. */
const startServe = async (argv: string[], browser: string | null) => {
  const runtime = tempDir('bts-runtime-');
  const opened: string[] = [];
  const f = fakeIO({
    staticDir: withUi(),
    env: { XDG_RUNTIME_DIR: runtime },
    openUrl: async (url) => {
      opened.push(url);
      return browser === null ? { ok: false, reason: 'no browser here' } : openInBrowser(url, { env: { BROWSER: browser } });
    },
  });
  cleanups.push(f.cleanup);
  const running = runCli(['serve', ...argv], f.io);
  await expect.poll(() => f.stdout.length).toBe(1);
  // The link is printed first; the launch file is written and opened right after.
  if (!argv.includes('--no-open')) await expect.poll(() => opened.length).toBe(1);
  const printed = f.stdout[0] ?? '';
  const port = Number(new URL(printed).port);
  const launchDir = join(runtime, 'bitbucket-target-setup');
  const stop = async (): Promise<number> => {
    f.abort();
    return running;
  };
  cleanups.push(() => f.abort());
  return { f, printed, port, opened, launchDir, stop };
};

const callApi = (port: number, cookie: string) =>
  rawRequest({ port, method: 'POST', path: '/api/app.info', body: '{}', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', Cookie: cookie } });
const redeem = (port: number, link: string): Promise<string | null> => redeemLink({ port }, link);
const linkInFile = (file: string): string => /url=(http:\/\/[^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1]?.replace(/&amp;/g, '&') ?? '';

describe('serve: the launch', () => {
  it('prints a one-time link and opens the browser on a 0600 launch file holding another one', async () => {
    const browser = fakeBrowser();
    const s = await startServe(['--port', '0'], browser.bin);
    expect(s.printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\?code=[0-9a-f]{64}$/);
    expect(s.f.stderr.join('\n')).toMatch(/works once, within 10 minutes; a reload keeps the session/);
    expect(s.opened).toHaveLength(1);
    const fileUrl = s.opened[0] ?? '';
    // The opener got a file URL and nothing else: no code, no port, no session.
    expect(fileUrl).toMatch(/^file:\/\/\/.*\/bitbucket-target-setup\/launch-[0-9a-f]{16}\.html$/);
    const file = fileURLToPath(fileUrl);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(s.launchDir).mode & 0o777).toBe(0o700);
    const fileLink = linkInFile(file);
    expect(fileLink).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/launch\\?code=[0-9a-f]{64}$`));
    expect(fileLink).not.toBe(s.printed);

    // The file's code works once, and the file is deleted when it is spent.
    const cookie = await redeem(s.port, fileLink);
    expect(cookie).not.toBeNull();
    expect((await callApi(s.port, cookie ?? '')).status).toBe(200);
    expect(await redeem(s.port, fileLink)).toBeNull();
    await expect.poll(() => existsSync(file)).toBe(false);

    // The printed link is separate and works once too.
    const printedCookie = await redeem(s.port, s.printed);
    expect(printedCookie).not.toBeNull();
    expect(await redeem(s.port, s.printed)).toBeNull();
    expect(await s.stop()).toBe(0);
    await expect(fetch(`http://127.0.0.1:${s.port}/`)).rejects.toThrow();
  });

  it('deletes an unused launch file when it stops', async () => {
    const browser = fakeBrowser();
    const s = await startServe([], browser.bin);
    const file = fileURLToPath(s.opened[0] ?? '');
    expect(existsSync(file)).toBe(true);
    expect(await s.stop()).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('deletes the launch file at once when no browser can be opened, and says to open the printed link', async () => {
    const s = await startServe([], null);
    expect(s.opened).toHaveLength(1);
    expect(existsSync(fileURLToPath(s.opened[0] ?? ''))).toBe(false);
    expect(s.f.stderr.join('\n')).toMatch(/could not open a browser \(no browser here\); open the link above/);
    expect(await redeem(s.port, s.printed)).not.toBeNull();
    expect(await s.stop()).toBe(0);
  });

  it('--no-open prints the one-time link only: no launch file, no opener', async () => {
    const s = await startServe(['--no-open'], null);
    expect(s.opened).toEqual([]);
    expect(existsSync(s.launchDir) ? readdirSync(s.launchDir) : []).toEqual([]);
    expect(await redeem(s.port, s.printed)).not.toBeNull();
    expect(await s.stop()).toBe(0);
  });

  it('opens no browser with BTS_NO_OPEN=1 either', async () => {
    const f = fakeIO({ staticDir: withUi(), env: { BTS_NO_OPEN: '1' } });
    cleanups.push(f.cleanup);
    const running = runCli(['serve'], f.io);
    await expect.poll(() => f.stdout.length).toBe(1);
    f.abort();
    expect(await running).toBe(0);
    expect(f.opened).toEqual([]);
  });

  it('exits 1 with a clear note when the UI is not built', async () => {
    const f = fakeIO({ staticDir: join(tmpdir(), 'bts-no-such-ui') });
    cleanups.push(f.cleanup);
    expect(await runCli(['serve', '--no-open'], f.io)).toBe(1);
    expect(f.stderr.join('\n')).toMatch(/not built.*npm run build/);
  });

  it('exits 1 when the port is taken', async () => {
    const first = await startServe(['--no-open'], null);
    const second = fakeIO({ staticDir: withUi() });
    cleanups.push(second.cleanup);
    expect(await runCli(['serve', '--no-open', '--port', String(first.port)], second.io)).toBe(1);
    expect(second.stderr.join('\n')).toMatch(/already in use/);
    expect(await first.stop()).toBe(0);
  });

  it('opens no browser when no private folder can be had (a runtime dir others can enter)', async () => {
    const runtime = tempDir('bts-open-runtime-');
    chmodSync(runtime, 0o755);
    const opened: string[] = [];
    const f = fakeIO({ staticDir: withUi(), env: { XDG_RUNTIME_DIR: runtime }, openUrl: async (url) => (opened.push(url), { ok: true }) });
    cleanups.push(f.cleanup);
    const running = runCli(['serve'], f.io);
    await expect.poll(() => f.stdout.length).toBe(1);
    await expect.poll(() => f.stderr.join('\n')).toMatch(/no private launch file could be written \(XDG_RUNTIME_DIR is not private: .*mode 755\)/);
    expect(opened).toEqual([]);
    f.abort();
    expect(await running).toBe(0);
  });
});

const runAs = (uid: number, args: string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', ...args], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error === null ? resolve(stdout) : reject(new Error(`${error.message}\n${stderr}`)),
    );
  });

interface AttackReport {
  readonly uid: number;
  readonly browserArgv: string[][];
  readonly files: Array<{ path: string; read: true | string; dir: string[] | string }>;
  readonly attempts: Array<{ how: string; status: number; code?: string | null }>;
}

describe('serve: another local user', () => {
  it.skipIf(!IS_ROOT)('gets no working session from the browser opener’s argv or the launch file (needs root to act as uid 65534)', async () => {
    const browser = fakeBrowser();
    const s = await startServe(['--port', '0'], browser.bin);
    await expect.poll(() => browser.pid()).not.toBeNull();
    const fileUrl = s.opened[0] ?? '';
    const file = fileURLToPath(fileUrl);

    const report = JSON.parse(await runAs(NOBODY, [process.execPath, '-e', ATTACKER_SCRIPT, String(s.port)])) as AttackReport;
    expect(report.uid).toBe(NOBODY);
    // The attacker did see the opener's argv, and the launch file named there…
    expect(report.browserArgv).toContainEqual([expect.stringMatching(/sh$/), browser.bin, fileUrl]);
    // …but cannot read the file or list its folder,
    expect(report.files).toContainEqual({ path: file, read: 'EACCES', dir: 'EACCES' });
    // and nothing it found or guessed opens the API: every try is a 401.
    expect(report.attempts.length).toBeGreaterThan(0);
    for (const attempt of report.attempts) {
      expect(attempt.status, JSON.stringify(attempt)).toBe(401);
      if (attempt.how === 'cookie' || attempt.how === 'bearer') expect(attempt.code).toBe('BROWSER_SESSION_INVALID');
    }

    // The user's own browser, reading the same file, still gets in (so the file held a live code).
    const cookie = await redeem(s.port, linkInFile(file));
    expect(cookie).not.toBeNull();
    expect((await callApi(s.port, cookie ?? '')).status).toBe(200);
    expect(await s.stop()).toBe(0);
  });
});
