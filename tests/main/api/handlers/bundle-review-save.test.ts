import { afterEach, describe, expect, it } from 'vitest';
import type { TargetRecord } from '../../../../shared/contract/targets';
import type { CloudTarget } from '../../../../shared/domain/target';
import { emptySettings, type StoredTarget } from '../../../../main/services/settings/settings-data';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { testApi } from '../../../support/test-api';
import { cloudJira, dcTunnel, TEST_SECRETS } from '../../services/bundle/bundle-support';

// Issue 14 item 7, enforced where the file is signed: bundle.export signs only the record the
// Review step saved (targets.save with `reviewed`) and that has not changed since. Before, only the
// renderer held Export back; the api and `bundle export` signed whatever the settings file held.

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const setup = async (targets: StoredTarget[]) => {
  const secrets = memorySecretStore({ 'cloud-1:bitbucket': TEST_SECRETS.bitbucket, 'cloud-1:jira': TEST_SECRETS.jira, 'dc-1:bitbucket': TEST_SECRETS.dc });
  const t = testApi({ secrets: secrets.store });
  cleanups.push(t.cleanup);
  await t.deps.settings.write({ ...emptySettings(), targets });
  return t;
};

const recordOf = (r: { ok: boolean }): TargetRecord => {
  if (!r.ok) throw new Error(`expected a record, got ${JSON.stringify(r)}`);
  return (r as { ok: true; value: TargetRecord }).value;
};

/** The Cloud target as a form sends it back: the store owns the timestamps. */
const draftOf = (target: CloudTarget) => {
  const { created_at: _c, updated_at: _u, ...draft } = target;
  return draft;
};

describe('bundle.export needs the Review step’s Save since the last change', () => {
  it('refuses a ready target never saved on Review with BUNDLE_NOT_SAVED; after the Save it exports', async () => {
    const { api } = await setup([cloudJira()]);
    expect(recordOf(await api.call('targets.get', { id: 'cloud-1' })).review).toBeUndefined();
    const refused = await api.call('bundle.export', { id: 'cloud-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUNDLE_NOT_SAVED', details: { saved_at: null } } });
    expect(refused.ok ? '' : refused.error.message).toContain('was never saved on the Review step');

    const saved = recordOf(await api.call('targets.save', { target: draftOf(cloudJira().target), reviewed: true }));
    expect(saved.review).toEqual({ saved_at: expect.any(String), current: true });
    expect(saved.readiness.can_export).toBe(true);
    expect(await api.call('bundle.export', { id: 'cloud-1' })).toMatchObject({ ok: true });
  });

  it('a save with other values makes the Save stale until the Review step saves again; an unchanged one does not', async () => {
    const { api } = await setup([cloudJira()]);
    const first = recordOf(await api.call('targets.save', { target: draftOf(cloudJira().target), reviewed: true }));
    // The form sends the same values back (a draft save on an earlier step): the Save still stands.
    expect(recordOf(await api.call('targets.save', { target: draftOf(cloudJira().target) })).review).toMatchObject({ current: true });

    const renamed = recordOf(await api.call('targets.save', { target: { ...draftOf(cloudJira().target), name: 'Payments (Cloud)' } }));
    expect(renamed.review).toEqual({ saved_at: first.review?.saved_at, current: false });
    expect(renamed.readiness.can_export).toBe(true);
    const refused = await api.call('bundle.export', { id: 'cloud-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUNDLE_NOT_SAVED', details: { saved_at: first.review?.saved_at } } });
    expect(refused.ok ? '' : refused.error.message).toContain(`"Payments (Cloud)" changed after it was saved on the Review step (${first.review?.saved_at ?? ''})`);

    recordOf(await api.call('targets.save', { target: { ...draftOf(cloudJira().target), name: 'Payments (Cloud)' }, reviewed: true }));
    expect(await api.call('bundle.export', { id: 'cloud-1' })).toMatchObject({ ok: true, value: { file_name: expect.stringMatching(/^cloud-1-\d{8}\.wrobundle\.json$/u) } });
  });

  it('a credential stored or deleted after the Save, or a rename, makes it stale', async () => {
    const { api } = await setup([cloudJira()]);
    recordOf(await api.call('targets.save', { target: draftOf(cloudJira().target), reviewed: true }));
    recordOf(await api.call('credentials.store', { target_id: 'cloud-1', kind: 'jira', secret: 'ATATT3xFfGF0-another-jira-token-0a1b' }));
    expect(recordOf(await api.call('targets.get', { id: 'cloud-1' })).review).toMatchObject({ current: false });

    recordOf(await api.call('targets.save', { target: draftOf(cloudJira().target), reviewed: true }));
    recordOf(await api.call('credentials.delete', { target_id: 'cloud-1', kind: 'jira' }));
    expect(recordOf(await api.call('targets.get', { id: 'cloud-1' })).review).toMatchObject({ current: false });

    recordOf(await api.call('targets.save', { target: draftOf(cloudJira().target), reviewed: true }));
    expect(recordOf(await api.call('targets.rename', { id: 'cloud-1', name: 'Renamed' })).review).toMatchObject({ current: false });
  });

  it('a target that is not ready is refused for that first (BUNDLE_EXPORT_BLOCKED), saved or not', async () => {
    const blocked = { ...dcTunnel(), target: { ...dcTunnel().target, allowlist_status: undefined } };
    const { api } = await setup([blocked]);
    expect(await api.call('bundle.export', { id: 'dc-1' })).toMatchObject({ ok: false, error: { code: 'BUNDLE_EXPORT_BLOCKED' } });
  });
});
