import { resolve } from 'node:path';
import { createCliRoot } from '../composition/cli-root';
import type { CliIO } from './cli-io';

/** The real CliIO: the process's streams and environment around the CLI's composition root. */
export const createProcessIO = (options: { dataDir: string; staticDir: string; signal: AbortSignal }): CliIO => {
  const note = (line: string): void => void process.stderr.write(`${line}\n`);
  const tty = process.stderr.isTTY;
  return {
    print: (line) => process.stdout.write(`${line}\n`),
    note,
    // A terminal redraws one line in place (carriage return, erase line); a pipe or file gets one line per stage change.
    status: tty
      ? { tty: true, show: (text) => void process.stderr.write(`\r\x1b[2K${text.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`), clear: () => void process.stderr.write('\r\x1b[2K') }
      : { tty: false, show: note, clear: () => undefined },
    stdin: process.stdin,
    env: process.env,
    signal: options.signal,
    dataDir: resolve(options.dataDir),
    staticDir: options.staticDir,
    ...createCliRoot({ dataDir: options.dataDir, staticDir: options.staticDir, note }),
  };
};
