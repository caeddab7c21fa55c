import { randomBytes } from 'node:crypto';
import type { KeychainHealth } from '../../../shared/contract/health';
import { KeychainUnavailableError } from '../secrets/keytar-store';
import type { SecretStore } from '../secrets/secret-store';

/**
 * The probe's own account. Target accounts are `<target id>:<kind>` and a target id cannot start
 * with `_`, so the probe can never touch a target's credential (nor the signing key's `_app:`).
 */
export const HEALTH_PROBE_ACCOUNT = '_health:probe';

/** A locked keyring may wait for a prompt nobody can answer on a headless host: give up after this. */
export const KEYCHAIN_PROBE_TIMEOUT_MS = 5_000;

export type KeychainProbe = Omit<KeychainHealth, 'store'> & {
  /** Every account name the keychain lists (names only), or null when it cannot be asked. */
  readonly accounts: ReadonlySet<string> | null;
};

const unavailable = (reason: string): KeychainProbe => ({ status: 'unavailable', reason, accounts: null });

const withTimeout = async <T>(job: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new KeychainUnavailableError(`The keychain did not answer within ${ms / 1000} s (is it locked, waiting for a password prompt nobody can see?).`)), ms);
  });
  try {
    return await Promise.race([job, late]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Reachable and unlocked, proven the only way that counts: a throw-away, non-secret value is
 * written, read back and deleted, then the account names are listed. Nothing of a target is read.
 */
export const probeKeychain = async (secrets: SecretStore, timeoutMs: number = KEYCHAIN_PROBE_TIMEOUT_MS): Promise<KeychainProbe> => {
  const marker = randomBytes(8).toString('hex');
  try {
    return await withTimeout(
      (async () => {
        await secrets.set(HEALTH_PROBE_ACCOUNT, marker);
        const back = await secrets.get(HEALTH_PROBE_ACCOUNT);
        await secrets.delete(HEALTH_PROBE_ACCOUNT);
        if (back !== marker) return unavailable('The keychain accepted an entry but did not give it back (is it locked?).');
        return { status: 'available' as const, accounts: new Set(await secrets.accounts()) };
      })(),
      timeoutMs,
    );
  } catch (cause) {
    if (cause instanceof KeychainUnavailableError) return unavailable(cause.message);
    throw cause;
  }
};
