import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessIO } from '../../../main/cli/process-io';
import { runCli } from '../../../main/cli/run';

/** Runs `bitbucket-target bundle verify FILE --fingerprint FP` in-process and captures its output. */
export const verifyWithCli = async (file: string, fingerprint: string): Promise<{ code: number; output: string }> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'bts-cli-'));
  const lines: string[] = [];
  const io = { ...createProcessIO({ dataDir, staticDir: '', signal: new AbortController().signal }), print: (l: string) => void lines.push(l), note: (l: string) => void lines.push(l) };
  try {
    const code = await runCli(['bundle', 'verify', file, '--fingerprint', fingerprint], io);
    return { code, output: lines.join('\n') };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};
