import { Readable } from 'node:stream';
import type { ApiDeps } from '../../../main/api';
import type { CliIO } from '../../../main/cli/cli-io';
import { runCli } from '../../../main/cli/run';
import { createCheckSessionClient } from '../../../main/composition/check-session';
import { startBrowserServer } from '../../../main/server/browser-server';
import { createClient, type ProgressEvent } from '../../../shared/contract';
import { inProcessTransport } from '../../../main/composition/in-process-transport';
import type { SecretStore } from '../../../main/services/secrets/secret-store';
import { testApi } from '../../support/test-api';

/**
 * A CliIO that records what the CLI printed, over a test api built from `deps` (the composition
 * root of these tests: a test resolver, simulator providers, …); `abort()` is Ctrl-C.
 */
export const fakeIO = (over: Partial<CliIO> = {}, deps: Partial<ApiDeps> & { secrets?: SecretStore } = {}) => {
  const t = testApi(deps);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const opened: string[] = [];
  const controller = new AbortController();
  const staticDir = over.staticDir ?? t.dir;
  const listeners = new Set<(event: ProgressEvent) => void>();
  const progress = (event: ProgressEvent): void => listeners.forEach((l) => l(event));
  // The CLI root's transport (in process, the caller `cli`), over the test api.
  const client = createClient(inProcessTransport(t.api, progress));
  const io: CliIO = {
    print: (line) => stdout.push(line),
    note: (line) => stderr.push(line),
    // stderr is not a terminal here: one line per stage change, as in a pipe.
    status: { tty: false, show: (line) => stderr.push(line), clear: () => undefined },
    onProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stdin: Readable.from([]),
    env: {},
    signal: controller.signal,
    dataDir: t.dir,
    staticDir,
    client: () => client,
    sessionClient: () => createCheckSessionClient(t.deps, progress),
    startBrowserServer: ({ port }) => startBrowserServer({ api: t.api, staticDir, port }),
    openUrl: async (url) => {
      opened.push(url);
      return { ok: false, reason: 'no browser in tests' };
    },
    usePrivateKeyring: async () => ({ ok: false, reason: 'these tests start no private keyring' }),
    ...over,
  };
  /** Runs the CLI as a user does (through the runner), with fresh output buffers. */
  const run = async (argv: string[]) => {
    stdout.length = 0;
    stderr.length = 0;
    const code = await runCli(argv, io);
    return { code, out: [...stdout], err: [...stderr] };
  };
  return { io, run, stdout, stderr, opened, deps: t.deps, clock: t.clock, abort: () => controller.abort(), cleanup: t.cleanup };
};
