import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io';
import { AllowlistStatus } from '../../shared/domain/vocabulary';

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

/** A whole number from `min` to `max`, for flags such as `--timeout-ms`. */
export const parseWholeNumber = (flag: string, text: string, min: number, max: number): number => {
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text.slice(0, 20))})`);
  }
  return Number(text);
};

/** The policy flags `url-check` and `probe` share, as the contract takes them. */
export const POLICY_FLAGS = {
  'allowlist-status': { type: 'string' },
  'acknowledge-private': { type: 'boolean' },
  'proxy-resolves-name': { type: 'boolean' },
} as const satisfies Options;

export const policyInput = (values: { 'allowlist-status'?: string | undefined; 'acknowledge-private'?: boolean | undefined; 'proxy-resolves-name'?: boolean | undefined }) => {
  const raw = values['allowlist-status'];
  const status = raw === undefined ? undefined : AllowlistStatus.safeParse(raw);
  if (status !== undefined && !status.success) throw new UsageError(`--allowlist-status must be one of ${AllowlistStatus.options.join(', ')}`);
  return {
    deployment: 'self-hosted' as const,
    acknowledge_private: values['acknowledge-private'] === true,
    proxy_resolves_name: values['proxy-resolves-name'] === true,
    ...(status?.data === undefined ? {} : { allowlist_status: status.data }),
  };
};
