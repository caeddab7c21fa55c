import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../composition/data-dir';
import { printable } from './printable';
import { createProcessIO } from './process-io';
import { dataDirFlag, runCli } from './run';

// The CLI entry (built to out/main/cli.js). It only wires the process to runCli: argv, streams,
// Ctrl-C / SIGTERM as an abort signal, and the exit code.

const argv = process.argv.slice(2);
const controller = new AbortController();
const stop = (): void => controller.abort();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

// out/main/cli.js → out/renderer
const staticDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
const io = createProcessIO({ dataDir: dataDirFlag(argv) ?? defaultDataDir(), staticDir, signal: controller.signal });

const finish = (code: number): void => {
  // Let stdout drain (a pipe may be slow) before the process ends.
  process.stdout.write('', () => process.exit(code));
};

runCli(argv, io).then(finish, (cause: unknown) => {
  process.stderr.write(`bitbucket-target: unexpected error: ${printable(cause instanceof Error ? cause.message : String(cause))}\n`);
  finish(1);
});
