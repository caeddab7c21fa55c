import type { ErrorCode } from '../../shared/errors/codes';
import type { CliRoot } from '../composition/cli-root';
import type { StatusLine } from './progress-line';

export const CLI_NAME = 'bitbucket-target';

// The one exit-code table. Commands return these constants; `--help` and README print the table.
export const EXIT_OK = 0;
/** The command ran and could not do its job (an error answer, a file that cannot be written). */
export const EXIT_FAILURE = 1;
/** Unknown command or flag, a flag value that does not parse, an input file or environment setting that cannot be used. */
export const EXIT_USAGE = 2;
/** The answer is no: a URL blocked or invalid, a target unreachable or not ready, a date due, bundles that differ, drift. */
export const EXIT_BLOCKED = 3;
/** `doctor`: the keychain cannot be reached or is locked, so no credential can be stored. */
export const EXIT_UNHEALTHY = 4;
/** `bundle verify`: the bundle is not valid (any BUNDLE_* verdict). */
export const EXIT_NOT_VALID = 5;
/** `bundle verify`: the signature holds, but no pin or trust file confirmed the signer (`valid_unpinned`). */
export const EXIT_SIGNER_UNCONFIRMED = 6;

export const EXIT_CODES: ReadonlyArray<readonly [code: number, meaning: string]> = [
  [EXIT_OK, 'success: allowed, reached, ready; for bundle verify, valid and signed by the pinned (--fingerprint) or a trusted (--trust FILE) key'],
  [EXIT_FAILURE, 'the command failed (an error answer, a check cancelled by Ctrl-C, a file that cannot be written)'],
  [EXIT_USAGE, 'usage error: unknown command or flag, a value or input file that cannot be used (a refused fingerprint or trust-file line says why), or a malformed HTTPS_PROXY / NO_PROXY in the environment (PROXY_CONFIG_INVALID)'],
  [EXIT_BLOCKED, 'blocked, invalid, unreachable or not ready (url-check, probe, check); something due or past (radar); the bundles differ (bundle diff); drift (recheck)'],
  [EXIT_UNHEALTHY, 'doctor: the keychain is unavailable (no Secret Service, locked or refused), so no credential can be stored; the report says the way out'],
  [EXIT_NOT_VALID, 'bundle not valid: a BUNDLE_* code (signature, key mismatch, lifetime over 365 days, target not ready, expired, ...)'],
  [EXIT_SIGNER_UNCONFIRMED, 'bundle verify without a pin or trust file: signature valid, signer not confirmed; compare the fingerprint'],
];

/** Error answers that mean the run's own configuration is unusable: fixed by the caller, like a bad flag. */
const CONFIGURATION_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['PROXY_CONFIG_INVALID']);

/** The exit code for an error answer: EXIT_USAGE for a configuration error, else the command's own `otherwise`. */
export const exitForError = (code: ErrorCode, otherwise: number): number => (CONFIGURATION_ERRORS.has(code) ? EXIT_USAGE : otherwise);

/**
 * What a command may touch: the process around the CLI's composition root (main/cli/process-io.ts
 * builds the real one; tests build one over their own composition). Commands reach the app only
 * through `client` and `sessionClient`: the contract, every answer parsed.
 */
export interface CliIO extends CliRoot {
  /** One line on stdout (the line break is added). Results only: scripts read this. */
  readonly print: (line: string) => void;
  /** One line on stderr: progress, notes, errors. */
  readonly note: (line: string) => void;
  /** The progress line of a long call, on stderr (progress-line.ts). */
  readonly status: StatusLine;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C / SIGTERM; long-running commands stop cleanly on it. */
  readonly signal: AbortSignal;
  /** Folder of settings.json for this run. */
  readonly dataDir: string;
  /** The built renderer, served by `serve`. */
  readonly staticDir: string;
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

/** Reads a whole stream as UTF-8 (`--stdin`, `--stdin-json`). */
export const readAll = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
};
