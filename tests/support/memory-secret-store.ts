import { KeychainUnavailableError } from '../../main/services/secrets/keytar-store';
import type { SecretStore } from '../../main/services/secrets/secret-store';

/** An in-memory SecretStore for handler tests; `unavailable` makes every call fail like a missing Secret Service. */
export const memorySecretStore = (initial: Record<string, string> = {}, options: { unavailable?: boolean } = {}) => {
  const map = new Map(Object.entries(initial));
  const guard = (): void => {
    if (options.unavailable === true) throw new KeychainUnavailableError('No Secret Service is running (test).');
  };
  const store: SecretStore = {
    get: async (account) => (guard(), map.get(account) ?? null),
    set: async (account, secret) => {
      guard();
      map.set(account, secret);
    },
    delete: async (account) => (guard(), map.delete(account)),
    accounts: async () => (guard(), [...map.keys()].sort()),
  };
  return { store, map };
};
