import { Readable } from 'node:stream';
import type { ApiDeps } from '../../../main/api';
import type { CliIO } from '../../../main/cli/cli-io';
import { runCli } from '../../../main/cli/run';
import { createCheckSessionClient } from '../../../main/composition/check-session';
import { startBrowserServer } from '../../../main/server/browser-server';
import { createClient, type MethodName } from '../../../shared/contract';
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
  const client = createClient((name: MethodName, input: unknown) => t.api.call(name, input));
  const io: CliIO = {
    print: (line) => stdout.push(line),
    note: (line) => stderr.push(line),
    stdin: Readable.from([]),
    env: {},
    signal: controller.signal,
    dataDir: t.dir,
    staticDir,
    client: () => client,
    sessionClient: () => createCheckSessionClient(t.deps),
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
