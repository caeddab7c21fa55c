import type { Api } from '../api';
import type { ApiClient } from '../../shared/contract/client';

export const EXIT_OK = 0;
/** The command ran and the answer is "no" (a check failed, a bundle did not verify, …). */
export const EXIT_FAILURE = 1;
/** Unknown command or flag, or a flag value that does not parse. */
export const EXIT_USAGE = 2;

export const CLI_NAME = 'bitbucket-target';

/** What a command may touch. Tests pass a fake; the entry passes the process's own. */
export interface CliIO {
  /** One line on stdout (the line break is added). Results only: scripts read this. */
  readonly print: (line: string) => void;
  /** One line on stderr: progress, notes, errors. */
  readonly note: (line: string) => void;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C / SIGTERM; long-running commands stop cleanly on it. */
  readonly signal: AbortSignal;
  /** Folder of settings.json for this run. */
  readonly dataDir: string;
  /** The built renderer, served by `serve`. */
  readonly staticDir: string;
  /** The contract api over the plain-Node services, built on first use (mode as AppInfo reports it). */
  readonly api: (mode?: 'cli' | 'browser') => Pick<Api, 'call'>;
  /** A typed client over the same api: every answer parsed against the contract. */
  readonly client: () => ApiClient;
  /** Opens a URL in the system browser; `{ ok: false }` with the reason when it cannot. */
  readonly openUrl: (url: string) => Promise<{ ok: true } | { ok: false; reason: string }>;
}

export interface CliCommand {
  /** One line for `--help`. */
  readonly summary: string;
  /** `bitbucket-target <name> …` with its flags, e.g. "serve [--port N] [--no-open]". */
  readonly usage: string;
  /** `args` are the words after the command name. Resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown by a command for a usage mistake; the runner prints it with a hint and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
