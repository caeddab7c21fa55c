import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialsDeleted, CredentialStored } from '../../../../shared/contract/credentials';
import type { TargetRecord } from '../../../../shared/contract/targets';
import type { CheckResults } from '../../../../shared/domain/checks';
import { emptySettings } from '../../../../main/services/settings/settings-data';
import { authOk, cloudTarget, jiraHandoff, jiraOk, ownedWorkspace, passedUrl, reached, trackerRetired, AT } from '../../../support/domain-builders';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { testApi } from '../../../support/test-api';

// Every credential mutation answers the fresh target record, so no caller re-reads it; the
// checks that judged the old secret are gone from the answer and from the settings file.

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const value = <T>(r: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

const SECRET = 'ATATT3x-credentials-handler-test-7f1e';
const target = cloudTarget({ issue_workflow: 'jira', jira: jiraHandoff });
/** One record of every check, as a target that passed everything would hold. */
const everyCheck: CheckResults = {
  url_safety: passedUrl,
  network: reached,
  auth: authOk,
  workspace: ownedWorkspace,
  repository: { status: 'found', checked_at: AT },
  issue_tracking: trackerRetired,
  jira: jiraOk,
};

const setup = async (keychain: Record<string, string> = {}) => {
  const secrets = memorySecretStore(keychain);
  const t = testApi({ secrets: secrets.store });
  cleanups.push(t.cleanup);
  await t.deps.settings.write({ ...emptySettings(), targets: [{ target, checks: everyCheck }] });
  const stored = async (): Promise<TargetRecord> => value(await t.api.call('targets.get', { id: target.id }));
  const onDisk = (): string => readFileSync(join(t.dir, 'settings.json'), 'utf8');
  return { ...t, keychain: secrets.map, stored, onDisk };
};

const keysOf = (checks: CheckResults): string[] => Object.keys(checks).sort();

describe('credentials.store answers the fresh record', () => {
  const rows: Array<[string, Record<string, string>, string[], TargetRecord['credential']]> = [
    ['bitbucket', {}, ['jira', 'network', 'url_safety'], 'stored'],
    ['oauth_consumer', { consumer_key: 'consumer-key-1' }, ['jira', 'network', 'url_safety'], 'missing'],
    ['jira', {}, ['auth', 'issue_tracking', 'network', 'repository', 'url_safety', 'workspace'], 'missing'],
  ];
  it.each(rows)('%s: the record as stored afterwards, without the checks the new secret made stale', async (kind, extra, kept, credential) => {
    const t = await setup();
    const answer = value<CredentialStored>(await t.api.call('credentials.store', { target_id: target.id, kind, secret: SECRET, ...extra }));
    expect(answer.kind).toBe(kind);
    expect(answer.state).toBe('stored');
    expect(keysOf(answer.record.checks)).toEqual(kept);
    expect(answer.record.credential).toBe(credential);
    expect(answer.record).toEqual(await t.stored());
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    expect(t.onDisk()).not.toContain(SECRET);
  });

  it('a new Bitbucket secret turns a rejected credential back into a stored, untested one', async () => {
    const t = await setup({ [`${target.id}:bitbucket`]: 'old-secret' });
    await t.deps.settings.write({ ...emptySettings(), targets: [{ target, checks: { ...everyCheck, auth: { status: 'rejected', checked_at: AT } } }] });
    expect((await t.stored()).credential).toBe('rejected');
    const answer = value<CredentialStored>(await t.api.call('credentials.store', { target_id: target.id, kind: 'bitbucket', secret: SECRET }));
    expect(answer.record.credential).toBe('stored');
    expect(answer.record.checks.auth).toBeUndefined();
    expect(answer.record).toEqual(await t.stored());
  });

  it('an unreachable keychain answers KEYCHAIN_UNAVAILABLE and leaves the stored checks alone', async () => {
    const t = testApi({ secrets: memorySecretStore({}, { unavailable: true }).store });
    cleanups.push(t.cleanup);
    await t.deps.settings.write({ ...emptySettings(), targets: [{ target, checks: everyCheck }] });
    const r = await t.api.call('credentials.store', { target_id: target.id, kind: 'bitbucket', secret: SECRET });
    expect(r.ok ? 'stored' : r.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(keysOf(value<TargetRecord>(await t.api.call('targets.get', { id: target.id })).checks)).toEqual(keysOf(everyCheck));
  });
});

describe('credentials.delete answers the fresh record', () => {
  const both = { [`${target.id}:bitbucket`]: SECRET, [`${target.id}:jira`]: 'jira-secret' };

  it('one kind: the target and its other credential stay, the checks that judged the deleted one go', async () => {
    const t = await setup(both);
    const answer = value<CredentialsDeleted>(await t.api.call('credentials.delete', { target_id: target.id, kind: 'jira' }));
    expect(answer.deleted).toEqual(['jira']);
    expect(answer.record?.credential).toBe('stored');
    expect(keysOf(answer.record?.checks ?? {})).toEqual(['auth', 'issue_tracking', 'network', 'repository', 'url_safety', 'workspace']);
    expect(answer.record).toEqual(await t.stored());
    expect([...t.keychain.keys()]).toEqual([`${target.id}:bitbucket`]);
  });

  it('every kind: the record says the credential is missing and keeps only the URL checks', async () => {
    const t = await setup(both);
    const answer = value<CredentialsDeleted>(await t.api.call('credentials.delete', { target_id: target.id }));
    expect(answer.deleted.sort()).toEqual(['bitbucket', 'jira']);
    expect(answer.record?.credential).toBe('missing');
    expect(keysOf(answer.record?.checks ?? {})).toEqual(['network', 'url_safety']);
    expect(answer.record).toEqual(await t.stored());
    expect(t.keychain.size).toBe(0);
  });

  it('an id that names no saved target still has its entries removed, and answers no record', async () => {
    const t = await setup({ 'gone-1:bitbucket': SECRET });
    const answer = value<CredentialsDeleted>(await t.api.call('credentials.delete', { target_id: 'gone-1' }));
    expect(answer).toEqual({ deleted: ['bitbucket'] });
    expect(t.keychain.size).toBe(0);
  });
});

describe('credentials.store cleans a pasted token', () => {
  it.each([`${SECRET}\n`, `\r\n ${SECRET}\t \r\n`])('%j is stored as the token alone (a trailing newline used to get a 401)', async (pasted) => {
    const t = await setup();
    value<CredentialStored>(await t.api.call('credentials.store', { target_id: target.id, kind: 'bitbucket', secret: pasted }));
    expect(t.keychain.get(`${target.id}:bitbucket`)).toBe(SECRET);
  });

  it('only whitespace is refused, with nothing stored', async () => {
    const t = await setup();
    const r = await t.api.call('credentials.store', { target_id: target.id, kind: 'bitbucket', secret: ' \n\t ' });
    expect(r.ok ? 'stored' : r.error.code).toBe('REQUEST_INVALID');
    expect(t.keychain.has(`${target.id}:bitbucket`)).toBe(false);
  });
});
