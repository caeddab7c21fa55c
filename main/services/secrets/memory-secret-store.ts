import type { SecretStore } from './secret-store';

/**
 * A SecretStore that lives only as long as the process, for runs that must leave nothing behind
 * (the CLI's headless `check`) and for tests. `entries` is the backing map; pass one to look
 * inside. The one in-memory store: tests build theirs on this too.
 */
export const createMemorySecretStore = (entries: Map<string, string> = new Map()): SecretStore => ({
  get: async (account) => entries.get(account) ?? null,
  set: async (account, secret) => void entries.set(account, secret),
  delete: async (account) => entries.delete(account),
  accounts: async () => [...entries.keys()].sort(),
});
