import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../../main/services/secrets/memory-secret-store';

describe('createMemorySecretStore', () => {
  it('keeps secrets by account, lists names only in order, and forgets on delete', async () => {
    const entries = new Map<string, string>();
    const store = createMemorySecretStore(entries);
    await store.set('t-2:jira', 'jira-secret');
    await store.set('t-1:bitbucket', 'bb-secret');
    expect(await store.get('t-1:bitbucket')).toBe('bb-secret');
    expect(await store.accounts()).toEqual(['t-1:bitbucket', 't-2:jira']);
    expect(await store.delete('t-1:bitbucket')).toBe(true);
    expect(await store.delete('t-1:bitbucket')).toBe(false);
    expect(await store.get('t-1:bitbucket')).toBeNull();
    expect([...entries.keys()]).toEqual(['t-2:jira']);
  });

  it('gives each store its own entries', async () => {
    const a = createMemorySecretStore();
    await a.set('x:bitbucket', 's');
    expect(await createMemorySecretStore().accounts()).toEqual([]);
  });
});
