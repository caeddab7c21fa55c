import { Readable } from 'node:stream';
import type { CliIO } from '../../../main/cli/cli-io';
import { createClient, type MethodName } from '../../../shared/contract';
import { testApi } from '../../support/test-api';

/** A CliIO that records what a command printed, over a test api; `abort()` is Ctrl-C. */
export const fakeIO = (over: Partial<CliIO> = {}) => {
  const t = testApi();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const opened: string[] = [];
  const controller = new AbortController();
  const io: CliIO = {
    print: (line) => stdout.push(line),
    note: (line) => stderr.push(line),
    stdin: Readable.from([]),
    env: {},
    signal: controller.signal,
    dataDir: t.dir,
    staticDir: t.dir,
    api: () => t.api,
    client: () => createClient((name: MethodName, input: unknown) => t.api.call(name, input)),
    openUrl: async (url) => {
      opened.push(url);
      return { ok: false, reason: 'no browser in tests' };
    },
    ...over,
  };
  return { io, stdout, stderr, opened, abort: () => controller.abort(), cleanup: t.cleanup };
};
