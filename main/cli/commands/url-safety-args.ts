import { z } from 'zod';
import { AllowlistStatus } from '../../../shared/domain/vocabulary';
import type { AddressPolicy } from '../../services/url-safety/policy';

// Flag parsing shared by `url-check` and `probe`. Returns a value: parsed flags or a usage error.

export interface CommandIo {
  /** The whole of standard input (only read when a command asks for it). */
  readonly stdin: () => Promise<string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_BLOCKED = 3;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
}

export type ArgsOutcome = { ok: true; args: ParsedArgs } | { ok: false; message: string };

/** `booleans`: flags without a value; `valued`: flags taking one (`--x v` or `--x=v`). */
export const parseArgs = (argv: readonly string[], booleans: readonly string[], valued: readonly string[]): ArgsOutcome => {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a : a.slice(0, eq);
    if (booleans.includes(name) && eq === -1) {
      flags.add(name);
    } else if (valued.includes(name)) {
      const v = eq === -1 ? argv[(i += 1)] : a.slice(eq + 1);
      if (v === undefined) return { ok: false, message: `${name} needs a value` };
      values.set(name, v);
    } else {
      return { ok: false, message: `unknown option ${name}` };
    }
  }
  return { ok: true, args: { positionals, flags, values } };
};

export type PolicyOutcome = { ok: true; policy: AddressPolicy } | { ok: false; message: string };

export const policyFromArgs = (args: ParsedArgs): PolicyOutcome => {
  const raw = args.values.get('--allowlist-status');
  const status = raw === undefined ? undefined : AllowlistStatus.safeParse(raw);
  if (status !== undefined && !status.success) {
    return { ok: false, message: '--allowlist-status must be direct, allowlisted or approved_tunnel' };
  }
  return {
    ok: true,
    policy: {
      deployment: 'self-hosted',
      ...(status?.data === undefined ? {} : { allowlist_status: status.data }),
      acknowledge_private: args.flags.has('--acknowledge-private'),
    },
  };
};

/** Reads a whole stream as UTF-8 (for `--stdin` / `--stdin-json`). */
export const readStream = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
};

export const StdinJson = z.array(z.string());

export const positiveInt = (raw: string | undefined): number | null | undefined => {
  if (raw === undefined) return undefined;
  return /^[1-9][0-9]{0,8}$/u.test(raw) ? Number(raw) : null;
};
