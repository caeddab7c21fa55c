import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import type { TargetRecord } from '../../../../shared/contract/targets';
import { createKeytarStore } from '../../../../main/services/secrets/keytar-store';
import { emptySettings } from '../../../../main/services/settings/settings-data';
import { dataCenterTarget, passedUrl, reached } from '../../../support/domain-builders';
import { testApi } from '../../../support/test-api';

// Delete and duplicate against the real Secret Service (gnome-keyring under dbus-run-session, as
// build/test.sh runs the suite): the keychain itself is asked what is left, not the app.

const service = `bts-test-delete-${randomUUID()}`;
const t = testApi({ secrets: createKeytarStore(service) });
const accounts = async (): Promise<string[]> => (await keytar.findCredentials(service)).map((c) => c.account).sort();

afterAll(async () => {
  for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
  t.cleanup();
});

const ok = <T>(r: Awaited<ReturnType<typeof t.api.call>>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('deleting a target deletes its keychain entries (real Secret Service)', () => {
  it('a duplicate holds no secret, and deleting the source removes its entries and nothing else', async () => {
    await t.deps.settings.write({
      ...emptySettings(),
      targets: [
        { target: dataCenterTarget({ id: 'dc-1', name: 'Payments', jira: { flavor: 'data_center', base_url: 'https://jira.corp.acme.com', auth_method: 'personal_access_token' } }), checks: { url_safety: passedUrl, network: reached } },
        { target: dataCenterTarget({ id: 'dc-1-b', name: 'Neighbour' }), checks: { url_safety: passedUrl, network: reached } },
      ],
    });
    ok(await t.api.call('credentials.store', { target_id: 'dc-1', kind: 'bitbucket', secret: 'dc-token-1' }));
    ok(await t.api.call('credentials.store', { target_id: 'dc-1', kind: 'jira', secret: 'jira-pat-1' }));
    ok(await t.api.call('credentials.store', { target_id: 'dc-1-b', kind: 'bitbucket', secret: 'dc-token-2' }));
    expect(await accounts()).toEqual(['dc-1-b:bitbucket', 'dc-1:bitbucket', 'dc-1:jira']);

    const copy = ok<TargetRecord>(await t.api.call('targets.duplicate', { id: 'dc-1' }));
    expect(copy.credential).toBe('missing');
    expect((await accounts()).filter((a) => a.startsWith(`${copy.target.id}:`))).toEqual([]);

    expect(ok(await t.api.call('targets.delete', { id: 'Payments' }))).toEqual({ id: 'dc-1', deleted: true });
    expect(await accounts()).toEqual(['dc-1-b:bitbucket']);
    expect(await keytar.getPassword(service, 'dc-1:bitbucket')).toBeNull();
    expect(await keytar.getPassword(service, 'dc-1:jira')).toBeNull();
    const left = ok<TargetRecord[]>(await t.api.call('targets.list', {}));
    expect(left.map((r) => [r.target.id, r.credential])).toEqual([
      ['dc-1-b', 'stored'],
      [copy.target.id, 'missing'],
    ]);
  });
});
