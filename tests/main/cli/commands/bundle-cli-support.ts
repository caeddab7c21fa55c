import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createClient, type MethodName } from '../../../../shared/contract';
import type { ApiDeps } from '../../../../main/api';
import { UsageError, type CliCommand, type CliIO } from '../../../../main/cli/cli-io';
import { emptySettings, type StoredTarget } from '../../../../main/services/settings/settings-data';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { reviewSaved } from '../../../support/review-saved';
import { testApi } from '../../../support/test-api';

/** A CliIO over the test api that records every line, plus a temp folder for files. `over` replaces api deps (providers, logger, clock). */
export const cliHarness = async (targets: StoredTarget[], secrets: Record<string, string> = {}, over: Partial<ApiDeps> = {}) => {
  const store = memorySecretStore(secrets);
  const t = testApi({ secrets: store.store, ...over });
  // Seeded as the Review step saved them: `bundle export` signs only such a record.
  await t.deps.settings.write({ ...emptySettings(), targets: reviewSaved(targets) });
  const work = mkdtempSync(join(tmpdir(), 'bts-bundle-cli-'));
  const out: string[] = [];
  const err: string[] = [];
  const client = createClient((name: MethodName, input: unknown) => t.api.call(name, input));
  const io: CliIO = {
    print: (line) => out.push(line),
    note: (line) => err.push(line),
    status: { tty: false, show: (line) => err.push(line), clear: () => undefined },
    onProgress: () => () => undefined,
    stdin: new PassThrough(),
    env: {},
    signal: new AbortController().signal,
    dataDir: t.dir,
    staticDir: work,
    client: () => client,
    sessionClient: () => client,
    startBrowserServer: () => Promise.reject(new Error('not in tests')),
    openUrl: async () => ({ ok: false, reason: 'not in tests' }),
    usePrivateKeyring: async () => ({ ok: false, reason: 'not in tests' }),
  };
  /** Runs a command as the CLI runner does: a UsageError is exit 2 with a note. */
  const run = async (cmd: CliCommand, args: string[]): Promise<number> => {
    out.length = 0;
    err.length = 0;
    try {
      return await cmd.run(args, io);
    } catch (cause) {
      if (!(cause instanceof UsageError)) throw cause;
      err.push(cause.message);
      return 2;
    }
  };
  return {
    run,
    io,
    out,
    err,
    work,
    clock: t.clock,
    secretMap: store.map,
    path: (name: string) => join(work, name),
    cleanup: () => {
      t.cleanup();
      rmSync(work, { recursive: true, force: true });
    },
  };
};
