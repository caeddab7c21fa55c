import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * A session bus address that names nothing: a host without a Secret Service. The spec's own
 * process keeps the test run's keyring (the keychain library keeps the bus it reached first), so
 * such a host can only be a separate process.
 */
export const NO_SESSION_BUS = 'unix:path=/nonexistent/bts-no-session-bus';

export interface ServeChild {
  /** The one-time launch link `serve` printed. */
  readonly launchUrl: string;
  readonly stderr: () => string;
  readonly stop: () => Promise<void>;
}

/**
 * `bitbucket-target serve --no-open` as an admin runs it (build/cli.mjs, which builds when stale),
 * in its own process with its own environment and a throw-away data dir.
 */
export const startServeChild = async (args: readonly string[], env: Readonly<Record<string, string>>): Promise<ServeChild> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'bts-e2e-serve-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['build/cli.mjs', '--data-dir', dataDir, 'serve', '--no-open', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, DISPLAY: '', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  for (;;) {
    const m = /http:\/\/127\.0\.0\.1:\d+\/launch\?code=[0-9a-f]+/u.exec(out);
    if (m !== null) return { launchUrl: m[0], stderr: () => err, stop };
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`serve exited ${child.exitCode} before printing its link; stderr:\n${err}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
};
