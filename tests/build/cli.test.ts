import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { runNode, runToEnd, waitForStdout } from './process-helpers';

// The `bitbucket-target` bin as a user runs it: build/cli.mjs (which builds when stale) → out/main/cli.js.

const dataDir = mkdtempSync(join(tmpdir(), 'bts-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { BTS_DATA_DIR: dataDir, BTS_NO_OPEN: '1' };

describe('build/cli.mjs', () => {
  it('--version prints the package version alone on stdout', async () => {
    const r = await runToEnd('build/cli.mjs', ['--version'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${packageJson.version}\n`);
  }, 180_000);

  it('--help lists the commands and exits 0', async () => {
    const r = await runToEnd('build/cli.mjs', ['--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bitbucket-target serve [--port N] [--no-open]');
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}success.*\n {2}1 .*\n {2}2 {2}usage error.*\n {2}3 .*\n {2}4 {2}doctor: the keychain is unavailable.*\n {2}5 {2}bundle not valid.*\n {2}6 {2}bundle verify without a pin/u);
  }, 180_000);

  it('writes no raw control or bidi character to the terminal: stdout JSON stays parseable, stderr hints are escaped', async () => {
    const hostile = 'https://a.example-corp.com/\u001b]0;x\u0007\u001b[2K\rallow OK\u202e\u009b';
    const raw = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
    const run = runNode('build/cli.mjs', ['url-check', '--offline', '--json', '--stdin-json'], env);
    run.child.stdin.end(JSON.stringify([hostile]));
    expect(await run.exited).toBe(3);
    const lines = run.stdout().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).every((l) => !raw.test(l))).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ input: hostile, verdict: 'invalid' });

    const unknown = await runToEnd('build/cli.mjs', ['\u001b[2K\u202eevil'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n').at(-1)).toContain("unknown command '\\u001b[2K\\u202eevil'");
    expect(unknown.stderr.replace(/\n/gu, '')).not.toMatch(raw);
  }, 180_000);

  it('an unknown command exits 2 with a one-line hint on stderr', async () => {
    const r = await runToEnd('build/cli.mjs', ['frobnicate'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/unknown command 'frobnicate'.*--help/);
  }, 180_000);

  it('serve --port 0 --no-open prints one URL line and closes cleanly on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const run = runNode('build/cli.mjs', ['serve', '--port', '0', '--no-open'], env);
      try {
        const [url] = await waitForStdout(run, /^http:\/\/127\.0\.0\.1:\d+\/launch\?code=[0-9a-f]{64}\n/);
        expect((await fetch(new URL('/', url.trim()))).status).toBe(200);
        run.child.kill(signal);
        expect(await run.exited).toBe(0);
        expect(run.stdout()).toBe(url);
        expect(run.stderr()).toContain('Browser mode stopped.');
      } finally {
        run.child.kill('SIGKILL');
      }
    }
  }, 180_000);
});

// No Secret Service, for real: DBUS_SESSION_BUS_ADDRESS names a socket that does not exist (the test
// run's own keyring is on another bus), so `doctor` must say so; `--private-keyring` must really
// start a private D-Bus session with an unlocked keyring and reach it.
describe('doctor on a host without a Secret Service', () => {
  const noBus = { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bts-no-session-bus', DISPLAY: '' };

  it('exits 4 and names the way out', async () => {
    const r = await runToEnd('build/cli.mjs', ['doctor'], noBus);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^keychain: {5}unavailable: No Secret Service is running on this session bus/mu);
    expect(r.stdout).toContain('--private-keyring');
  }, 180_000);

  it('--private-keyring starts a throw-away keyring for the run: exit 0, and it is gone afterwards', async () => {
    const r = await runToEnd('build/cli.mjs', ['doctor', '--private-keyring', '--json'], noBus);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ healthy: true, keychain: { status: 'available', store: 'private_session' } });
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('bts-private-keyring-'))).toEqual([]);
  }, 180_000);
});

