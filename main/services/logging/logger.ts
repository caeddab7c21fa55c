import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { redactString, redactValue } from './redact';

// A tiny JSON-lines logger for the desktop app and plain Node alike. Every line is redacted before
// it is written; writes are queued so lines keep their order; the file is created owner-only.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Resolves when every line logged so far is on disk. */
  flush(): Promise<void>;
  readonly file: string;
}

export interface FileLoggerOptions {
  readonly file: string;
  readonly now?: () => Date;
  /** Exact secrets known at the time of the call (e.g. one being stored right now). */
  readonly knownSecrets?: () => readonly string[];
  /** Rotate to `<file>.1` when the file is larger than this at start (default 5 MiB). */
  readonly maxBytes?: number;
}

const rotateIfLarge = async (file: string, maxBytes: number): Promise<void> => {
  try {
    if ((await stat(file)).size > maxBytes) await rename(file, `${file}.1`);
  } catch {
    // No file yet: nothing to rotate.
  }
};

export const createFileLogger = (options: FileLoggerOptions): Logger => {
  const now = options.now ?? (() => new Date());
  const secrets = options.knownSecrets ?? (() => []);
  // The folder is made (and an old file rotated) on the first line, not at construction: a
  // composition root builds a logger without touching the disk until something is logged.
  let queue: Promise<void> | null = null;
  const started = (): Promise<void> =>
    (queue ??= mkdir(dirname(options.file), { recursive: true, mode: 0o700 })
      .then(() => rotateIfLarge(options.file, options.maxBytes ?? 5 * 1024 * 1024))
      .catch(() => undefined));

  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    const known = secrets();
    const line = JSON.stringify({
      time: now().toISOString(),
      level,
      message: redactString(message, known),
      ...(fields === undefined ? {} : { fields: redactValue(fields, known) }),
    });
    queue = started().then(() => appendFile(options.file, `${line}\n`, { mode: 0o600 })).catch(() => undefined);
  };

  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    flush: () => queue ?? Promise.resolve(),
    file: options.file,
  };
};
