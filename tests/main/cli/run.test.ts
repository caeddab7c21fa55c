import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../main/cli/commands';
import { dataDirFlag, runCli } from '../../../main/cli/run';
import packageJson from '../../../package.json';
import { fakeIO } from './fake-io';

const cleanups: Array<() => void> = [];
const setup = (...args: Parameters<typeof fakeIO>) => {
  const f = fakeIO(...args);
  cleanups.push(f.cleanup);
  return f;
};
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('runCli', () => {
  it('--help lists every registered command with its usage, and exits 0', async () => {
    const f = setup();
    expect(await runCli(['--help'], f.io)).toBe(0);
    const text = f.stdout.join('\n');
    expect(Object.keys(COMMANDS).length).toBeGreaterThan(0);
    for (const [name, cmd] of Object.entries(COMMANDS)) {
      expect(text).toContain(`  ${name}`);
      expect(text).toContain(cmd.usage);
    }
    expect(f.stderr).toEqual([]);
  });

  it('--version prints the package version through app.info', async () => {
    const f = setup();
    expect(await runCli(['--version'], f.io)).toBe(0);
    expect(f.stdout).toEqual(['0.0.0-test']);
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('<command> --help prints that command’s usage', async () => {
    const f = setup();
    expect(await runCli(['serve', '--help'], f.io)).toBe(0);
    expect(f.stdout).toContain('usage: bitbucket-target serve [--port N] [--no-open]');
  });

  const usageErrors: Array<[string[], RegExp]> = [
    [[], /no command given/],
    [['bogus'], /unknown command 'bogus'.*--help/],
    [['__proto__'], /unknown command/],
    [['--bogus'], /Unknown option '--bogus'.*bitbucket-target --help/],
    [['serve', '--bogus'], /Unknown option '--bogus'.*bitbucket-target serve --help/],
    [['serve', 'extra'], /positional argument.*serve --help/],
    [['serve', '--port', 'abc'], /--port must be a number/],
    [['serve', '--port', '70000'], /--port must be a number/],
    [['serve', '--port'], /argument missing|--port/],
  ];
  it.each(usageErrors)('exits 2 with a one-line hint for %j', async (argv, message) => {
    const f = setup();
    expect(await runCli(argv, f.io)).toBe(2);
    expect(f.stderr).toHaveLength(1);
    expect(f.stderr[0]).toMatch(message);
    expect(f.stdout).toEqual([]);
  });

  it('reads --data-dir before the command', () => {
    expect(dataDirFlag(['--data-dir', '/tmp/x', 'serve'])).toBe('/tmp/x');
    expect(dataDirFlag(['--data-dir=/tmp/y', 'serve'])).toBe('/tmp/y');
    expect(dataDirFlag(['serve', '--data-dir', '/tmp/z'])).toBeUndefined();
  });
});

describe('serve', () => {
  const withUi = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bts-ui-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('prints the URL with its token as the one stdout line, serves until aborted, then closes', async () => {
    const f = setup({ staticDir: withUi() });
    const running = runCli(['serve', '--port', '0'], f.io);
    await expect.poll(() => f.stdout.length).toBe(1);
    const url = f.stdout[0] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
    // Opening failed in this fake: only a note on stderr, the server keeps running.
    expect(f.opened).toEqual([url]);
    expect(f.stderr.join('\n')).toMatch(/could not open a browser/);
    const page = await fetch(url.replace(/#.*$/, ''));
    expect(await page.text()).toContain('<title>ui</title>');
    f.abort();
    expect(await running).toBe(0);
    await expect(fetch(url.replace(/#.*$/, ''))).rejects.toThrow();
  });

  it('does not open a browser with --no-open (or BTS_NO_OPEN=1)', async () => {
    for (const [argv, env] of [
      [['serve', '--no-open'], {}],
      [['serve'], { BTS_NO_OPEN: '1' }],
    ] as const) {
      const f = setup({ staticDir: withUi(), env });
      const running = runCli([...argv], f.io);
      await expect.poll(() => f.stdout.length).toBe(1);
      f.abort();
      expect(await running).toBe(0);
      expect(f.opened).toEqual([]);
    }
  });

  it('exits 1 with a clear note when the UI is not built', async () => {
    const f = setup({ staticDir: join(tmpdir(), 'bts-no-such-ui') });
    expect(await runCli(['serve', '--no-open'], f.io)).toBe(1);
    expect(f.stderr.join('\n')).toMatch(/not built.*npm run build/);
  });

  it('exits 1 when the port is taken', async () => {
    const first = setup({ staticDir: withUi() });
    const running = runCli(['serve', '--no-open'], first.io);
    await expect.poll(() => first.stdout.length).toBe(1);
    const port = new URL(first.stdout[0] ?? '').port;
    const second = setup({ staticDir: withUi() });
    expect(await runCli(['serve', '--no-open', '--port', port], second.io)).toBe(1);
    expect(second.stderr.join('\n')).toMatch(/already in use/);
    first.abort();
    expect(await running).toBe(0);
  });
});
