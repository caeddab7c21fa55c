import { mkdtempSync, rmSync } from 'node:fs';
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
