import { KeychainUnavailableError } from '../../main/services/secrets/keytar-store';
import { createMemorySecretStore } from '../../main/services/secrets/memory-secret-store';
import type { SecretStore } from '../../main/services/secrets/secret-store';

/**
 * The production in-memory SecretStore over a map the test can inspect; `unavailable` makes every
 * call fail the way keytar-store does when no Secret Service is running.
 */
export const memorySecretStore = (initial: Record<string, string> = {}, options: { unavailable?: boolean } = {}) => {
  const map = new Map(Object.entries(initial));
  if (options.unavailable !== true) return { store: createMemorySecretStore(map), map };
  const down = async (): Promise<never> => {
    throw new KeychainUnavailableError('No Secret Service is running (test).');
  };
  const store: SecretStore = { get: down, set: down, delete: down, accounts: down };
  return { store, map };
};
