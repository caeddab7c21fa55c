import { resolve } from 'node:path';
import { createCliRoot } from '../composition/cli-root';
import type { CliIO } from './cli-io';

/** The real CliIO: the process's streams and environment around the CLI's composition root. */
export const createProcessIO = (options: { dataDir: string; staticDir: string; signal: AbortSignal }): CliIO => {
  const note = (line: string): void => void process.stderr.write(`${line}\n`);
  return {
    print: (line) => process.stdout.write(`${line}\n`),
    note,
    stdin: process.stdin,
    env: process.env,
    signal: options.signal,
    dataDir: resolve(options.dataDir),
    staticDir: options.staticDir,
    ...createCliRoot({ dataDir: options.dataDir, staticDir: options.staticDir, note }),
  };
};
