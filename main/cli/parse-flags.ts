import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs, strict, with its errors turned into UsageError (exit 2) and `--help`
 * reserved for the runner. Positionals are allowed only when the command says so.
 */
export const parseFlags = <O extends Options>(args: string[], options: O, allowPositionals = false) => {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split('\n')[0] ?? cause.message : String(cause);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''));
  }
};

/** A TCP port (0 = any free port). */
export const parsePort = (text: string): number => {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got ${JSON.stringify(text.slice(0, 20))})`);
  return Number(text);
};
