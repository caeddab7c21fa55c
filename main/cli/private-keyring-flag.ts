import type { PrivateKeyring } from '../composition/private-keyring';
import type { CliIO } from './cli-io';

/** `--private-keyring`, shared by `serve` and `doctor`. */
export const PRIVATE_KEYRING_FLAG = { 'private-keyring': { type: 'boolean' } } as const;

/**
 * Starts this run's throw-away keyring when the flag is given, before any contract call. Null with
 * a note when it could not start (the caller exits 1); `{ keyring: null }` when not asked for.
 */
export const privateKeyringIfAsked = async (asked: boolean | undefined, io: CliIO): Promise<{ keyring: PrivateKeyring | null } | null> => {
  if (asked !== true) return { keyring: null };
  const started = await io.usePrivateKeyring();
  if (!started.ok) {
    io.note(`The private keyring could not start: ${started.reason}.`);
    return null;
  }
  return { keyring: started.keyring };
};
