import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const PROJECT_DIR = resolve(__dirname, '../..');

export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

/** Starts `node <script> ...args` in the project dir with extra env, collecting its output. */
export const runNode = (script: string, args: string[], env: Record<string, string>): Running => {
  const child = spawn(process.execPath, [script, ...args], { cwd: PROJECT_DIR, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
  return { child, stdout: () => out, stderr: () => err, exited };
};

/** Runs to completion. */
export const runToEnd = async (script: string, args: string[], env: Record<string, string> = {}) => {
  const r = runNode(script, args, env);
  const code = await r.exited;
  return { code, stdout: r.stdout(), stderr: r.stderr() };
};

/** Waits (without a timing assert: the test timeout is the bound) until `pattern` appears in stdout. */
export const waitForStdout = async (r: Running, pattern: RegExp): Promise<RegExpMatchArray> => {
  for (;;) {
    const m = pattern.exec(r.stdout());
    if (m !== null) return m;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode} before printing ${pattern}; stderr:\n${r.stderr()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
};
