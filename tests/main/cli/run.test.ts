import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../main/cli/cli-io';
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

  it('--help shows the one exit-code table, and README shows the same one', async () => {
    const f = setup();
    expect(await runCli(['--help'], f.io)).toBe(0);
    const help = f.stdout.slice(f.stdout.indexOf('Exit codes:') + 1);
    expect(help).toEqual(EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`));
    expect(EXIT_CODES.map(([code]) => code)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const [code, meaning] of EXIT_CODES) expect(readme).toContain(`| ${code} | ${meaning} |`);
  });

  it('escapes control characters in every line it writes, its own hints included', async () => {
    const f = setup();
    expect(await runCli(['\u001b]0;x\u0007\u001b[2K\rallow OK'], f.io)).toBe(2);
    expect(f.stderr).toHaveLength(1);
    expect(f.stderr[0]).toContain("unknown command '\\u001b]0;x\\u0007\\u001b[2K\\u000dallow OK'");
    expect(f.stderr[0]).not.toMatch(/\p{Cc}/u);
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
    expect(f.stdout).toContain('usage: bitbucket-target serve [--port N] [--no-open] [--private-keyring]');
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
