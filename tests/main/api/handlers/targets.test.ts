import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetRecord } from '../../../../shared/contract/targets';
import type { CheckResults } from '../../../../shared/domain/checks';
import { BITBUCKET_CLOUD_API_ROOT } from '../../../../shared/domain/vocabulary';
import { emptySettings } from '../../../../main/services/settings/settings-data';
import { authOk, cloudTarget, confirmed, dataCenterTarget, jiraOk, ownedWorkspace, passedUrl, reached, trackerOn, trackerRetired } from '../../../support/domain-builders';
import { CA_A_PEM } from '../../../support/corporate-ca';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { testApi } from '../../../support/test-api';

const cleanups: Array<() => void> = [];
const setup = (...args: Parameters<typeof testApi>) => {
  const t = testApi(...args);
  cleanups.push(t.cleanup);
  return t;
};
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const DC_DRAFT = { provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted' } as const;
const CLOUD_DRAFT = { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: BITBUCKET_CLOUD_API_ROOT } as const;

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
};
const record = (r: Awaited<ReturnType<ReturnType<typeof testApi>['api']['call']>>): TargetRecord => value(r) as TargetRecord;

describe('targets.save: filling id, name and timestamps', () => {
  it('saves a Data Center draft with a generated name, a readable id and the clock time', async () => {
    const { api } = setup();
    const r = record(await api.call('targets.save', { target: DC_DRAFT }));
    expect(r.target).toMatchObject({ id: 'data-center-target', name: 'Data Center target', created_at: '2026-11-29T08:00:00.000Z', updated_at: '2026-11-29T08:00:00.000Z' });
    expect(r.credential).toBe('missing');
    expect(r.readiness.blocking).toContain('ALLOWLIST_STATUS_MISSING');
    const second = record(await api.call('targets.save', { target: DC_DRAFT }));
    expect(second.target).toMatchObject({ id: 'data-center-target-2', name: 'Data Center target (2)' });
    expect(value(await api.call('targets.list', {}))).toHaveLength(2);
  });

  it('names a Cloud target workspace/repo and slugs the id from it', async () => {
    const { api } = setup();
    const r = record(await api.call('targets.save', { target: { ...CLOUD_DRAFT, workspace: 'acme', repository_slug: 'payments' } }));
    expect(r.target).toMatchObject({ id: 'acme-payments', name: 'acme/payments' });
  });

  it('uses a random id when the name has nothing to slug', async () => {
    const { api } = setup();
    const r = record(await api.call('targets.save', { target: { ...CLOUD_DRAFT, name: '☃☃☃' } }));
    expect(r.target.id).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('keeps created_at on update, moves updated_at, and lets a generated name follow the repository', async () => {
    const { api, clock } = setup();
    const first = record(await api.call('targets.save', { target: CLOUD_DRAFT }));
    expect(first.target.name).toBe('Bitbucket Cloud target');
    clock.advance(60_000);
    const second = record(await api.call('targets.save', { target: { ...CLOUD_DRAFT, id: first.target.id, workspace: 'acme', repository_slug: 'api' } }));
    expect(second.target).toMatchObject({ id: first.target.id, name: 'acme/api', created_at: '2026-11-29T08:00:00.000Z', updated_at: '2026-11-29T08:01:00.000Z' });
    // A name the user chose is kept when a later save leaves it out.
    await api.call('targets.save', { target: { ...CLOUD_DRAFT, id: first.target.id, name: 'Payments (prod)', workspace: 'acme', repository_slug: 'api' } });
    const third = record(await api.call('targets.save', { target: { ...CLOUD_DRAFT, id: first.target.id, workspace: 'acme', repository_slug: 'web' } }));
    expect(third.target.name).toBe('Payments (prod)');
  });

  it('refuses a name another target uses, whatever its case, with REQUEST_INVALID', async () => {
    const { api } = setup();
    const a = record(await api.call('targets.save', { target: { ...CLOUD_DRAFT, name: 'Payments' } }));
    const r = await api.call('targets.save', { target: { ...DC_DRAFT, name: '  PAYMENTS ' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('REQUEST_INVALID');
      expect(r.error.message).toMatch(/already named "Payments".*unique/);
      expect(r.error.details?.['conflicting_id']).toBe(a.target.id);
    }
    // Saving a target under its own name again is not a conflict.
    expect((await api.call('targets.save', { target: { ...CLOUD_DRAFT, id: a.target.id, name: 'payments' } })).ok).toBe(true);
  });

  const refused: Array<[string, unknown]> = [
    ['a secret field', { ...CLOUD_DRAFT, token: 'hunter2-secret' }],
    ['a Data Center native workflow', { ...DC_DRAFT, issue_workflow: 'native' }],
    ['an allowlist status on Cloud', { ...CLOUD_DRAFT, allowlist_status: 'direct' }],
    ['a bad id', { ...CLOUD_DRAFT, id: 'Not An Id' }],
  ];
  it.each(refused)('refuses %s with REQUEST_INVALID and stores nothing', async (_label, target) => {
    const { api, dir } = setup();
    const r = await api.call('targets.save', { target });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('REQUEST_INVALID');
    expect(JSON.stringify(r)).not.toContain('hunter2-secret');
    expect(value(await api.call('targets.list', {}))).toEqual([]);
    expect(() => readFileSync(join(dir, 'settings.json'), 'utf8')).toThrow();
  });
});

describe('targets.save: the step order (STEP_LOCKED)', () => {
  it('refuses a Data Center base_url before the three confirmations, naming the field and step', async () => {
    const { api } = setup();
    const r = await api.call('targets.save', { target: { ...DC_DRAFT, base_url: 'https://bitbucket.corp.example', confirmations: { ownership: confirmed } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('STEP_LOCKED');
    expect(r.error.details?.['violations']).toEqual([expect.objectContaining({ field: 'base_url', step: 'confirmations' })]);
    expect(value(await api.call('targets.list', {}))).toEqual([]);
  });

  it('accepts the base_url once all three confirmations are recorded', async () => {
    const { api } = setup();
    const confirmations = { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed };
    const r = await api.call('targets.save', { target: { ...DC_DRAFT, base_url: 'https://bitbucket.corp.example', confirmations } });
    expect(r.ok).toBe(true);
  });

  it('refuses Cloud scopes and the native workflow before issue tracking is known to work', async () => {
    const { api } = setup();
    const r = await api.call('targets.save', { target: { ...CLOUD_DRAFT, scopes: ['read:issue:bitbucket'], issue_workflow: 'native' } });
    expect(!r.ok && r.error.code).toBe('STEP_LOCKED');
    const fields = !r.ok ? (r.error.details?.['violations'] as Array<{ field: string }>).map((v) => v.field) : [];
    expect(fields).toEqual(['scopes', 'issue_workflow']);
  });
});

/** Seeds one stored target with checks, as the check handlers of later issues will. */
const seed = async (t: ReturnType<typeof setup>, target: ReturnType<typeof cloudTarget> | ReturnType<typeof dataCenterTarget>, checks: CheckResults) => {
  await t.deps.settings.write({ ...emptySettings(), targets: [{ target, checks }] });
};

describe('targets.save: stale checks are dropped when the field they judged changes', () => {
  const dcChecks: CheckResults = { url_safety: passedUrl, network: reached, auth: authOk, jira: jiraOk };
  const dcRows: Array<[string, Record<string, unknown>, string[]]> = [
    ['nothing', {}, ['auth', 'jira', 'network', 'url_safety']],
    ['the name only', { name: 'Renamed' }, ['auth', 'jira', 'network', 'url_safety']],
    ['base_url', { base_url: 'https://other.corp.example' }, ['jira']],
    ['allowlist_status', { allowlist_status: 'direct' }, ['auth', 'jira']],
    ['the private-address acknowledgement', { private_address_acknowledged: true }, ['auth', 'jira']],
    ['the corporate CA', { ca_pem: CA_A_PEM }, ['auth', 'jira']],
    ['the project key', { workspace: 'OPS' }, ['jira', 'network', 'url_safety']],
    ['the repository', { repository_slug: 'web' }, ['jira', 'network', 'url_safety']],
    ['auth_method', { auth_method: 'basic', username: 'dana' }, ['jira', 'network', 'url_safety']],
    ['the Jira handoff', { issue_workflow: 'jira', jira: { flavor: 'data_center', base_url: 'https://jira.corp.example', auth_method: 'personal_access_token' } }, ['auth', 'network', 'url_safety']],
  ];
  it.each(dcRows)('Data Center: changing %s keeps %j', async (_label, change, kept) => {
    const t = setup();
    const target = dataCenterTarget({ jira: { flavor: 'cloud', base_url: 'https://acme.atlassian.net', auth_method: 'api_token' } });
    await seed(t, target, dcChecks);
    const { id: _id, created_at: _c, updated_at: _u, ...draft } = target;
    const r = record(await t.api.call('targets.save', { target: { ...draft, id: target.id, ...change } }));
    expect(Object.keys(r.checks).sort()).toEqual(kept);
  });

  const cloudChecks: CheckResults = { auth: authOk, workspace: ownedWorkspace, repository: { status: 'found', checked_at: passedUrl?.checked_at ?? '' }, issue_tracking: trackerRetired };
  const cloudRows: Array<[string, Record<string, unknown>, string[]]> = [
    ['nothing', {}, ['auth', 'issue_tracking', 'repository', 'workspace']],
    ['the workspace', { workspace: 'other' }, []],
    ['the repository', { repository_slug: 'web' }, []],
    ['auth_method', { auth_method: 'oauth' }, []],
    ['the account e-mail', { account_email: 'someone@acme.example' }, []],
    ['the priority', { priority: 'major' }, ['auth', 'issue_tracking', 'repository', 'workspace']],
  ];
  it.each(cloudRows)('Cloud: changing %s keeps %j', async (_label, change, kept) => {
    const t = setup();
    const target = cloudTarget();
    await seed(t, target, cloudChecks);
    const { id: _id, created_at: _c, updated_at: _u, ...draft } = target;
    const r = record(await t.api.call('targets.save', { target: { ...draft, id: target.id, ...change } }));
    expect(Object.keys(r.checks).sort()).toEqual(kept);
  });

  it('drops every check when the provider changes', async () => {
    const t = setup();
    await seed(t, cloudTarget({ id: 'x' }), cloudChecks);
    const r = record(await t.api.call('targets.save', { target: { ...DC_DRAFT, id: 'x' } }));
    expect(r.checks).toEqual({});
  });

  it('refuses a change that would leave scopes behind a dropped issue check (STEP_LOCKED), keeping the stored target', async () => {
    const t = setup();
    const target = cloudTarget({ scopes: ['read:issue:bitbucket'], issue_workflow: 'native' });
    await seed(t, target, { auth: authOk, workspace: ownedWorkspace, issue_tracking: trackerOn });
    const { id: _id, created_at: _c, updated_at: _u, ...draft } = target;
    const r = await t.api.call('targets.save', { target: { ...draft, id: target.id, repository_slug: 'other' } });
    expect(!r.ok && r.error.code).toBe('STEP_LOCKED');
    expect(record(await t.api.call('targets.get', { id: target.id })).target.repository_slug).toBe('payments');
  });
});

describe('targets: records, lookup and delete', () => {
  const credentialRows: Array<[string, Record<string, string>, CheckResults, string]> = [
    ['stored', { 'cloud-1:bitbucket': 's3cret-value' }, { auth: authOk }, 'stored'],
    ['stored but rejected by the provider', { 'cloud-1:bitbucket': 's3cret-value' }, { auth: { status: 'rejected', checked_at: authOk?.checked_at ?? '' } }, 'rejected'],
    ['only a Jira credential', { 'cloud-1:jira': 's3cret-value' }, {}, 'missing'],
    ['none', {}, {}, 'missing'],
  ];
  it.each(credentialRows)('credential state: %s', async (_label, secrets, checks, expected) => {
    const t = setup({ secrets: memorySecretStore(secrets).store });
    await seed(t, cloudTarget(), checks);
    const list = value(await t.api.call('targets.list', {})) as TargetRecord[];
    expect(list.map((r) => r.credential)).toEqual([expected]);
    expect(JSON.stringify(list)).not.toContain('s3cret-value');
  });

  it('reports missing (not a crash) when the keychain cannot be reached', async () => {
    const t = setup({ secrets: memorySecretStore({}, { unavailable: true }).store });
    await seed(t, cloudTarget(), {});
    const list = value(await t.api.call('targets.list', {})) as TargetRecord[];
    expect(list[0]?.credential).toBe('missing');
    expect(list[0]?.readiness.blocking).toContain('PROVIDER_AUTH_REQUIRED');
  });

  it('gets by id or by name (case-insensitive), and answers TARGET_NOT_FOUND otherwise', async () => {
    const t = setup();
    await seed(t, cloudTarget({ id: 'cloud-1', name: 'acme/payments' }), {});
    expect(record(await t.api.call('targets.get', { id: 'cloud-1' })).target.id).toBe('cloud-1');
    expect(record(await t.api.call('targets.get', { id: 'ACME/Payments' })).target.id).toBe('cloud-1');
    const r = await t.api.call('targets.get', { id: 'nope' });
    expect(!r.ok && r.error.code).toBe('TARGET_NOT_FOUND');
  });

  it('deletes the target and every keychain account of it, and nothing of its neighbours', async () => {
    const secrets = memorySecretStore({ 'acme:bitbucket': 'a', 'acme:jira': 'b', 'acme:bitbucket_refresh': 'c', 'acme-2:bitbucket': 'd', 'other:bitbucket': 'e' });
    const t = setup({ secrets: secrets.store });
    await t.deps.settings.write({
      ...emptySettings(),
      targets: [
        { target: cloudTarget({ id: 'acme', name: 'one' }), checks: {} },
        { target: cloudTarget({ id: 'acme-2', name: 'two' }), checks: {} },
      ],
    });
    expect(value(await t.api.call('targets.delete', { id: 'ONE' }))).toEqual({ id: 'acme', deleted: true });
    expect([...secrets.map.keys()].sort()).toEqual(['acme-2:bitbucket', 'other:bitbucket']);
    expect((value(await t.api.call('targets.list', {})) as TargetRecord[]).map((r) => r.target.id)).toEqual(['acme-2']);
    const again = await t.api.call('targets.delete', { id: 'acme' });
    expect(!again.ok && again.error.code).toBe('TARGET_NOT_FOUND');
  });

  it('keeps a change another handler wrote while the keychain entries were being deleted', async () => {
    const secrets = memorySecretStore({ 'acme:bitbucket': 'a' });
    const t = setup({ secrets: { ...secrets.store, delete: async (account) => {
      // Meanwhile, a check elsewhere stores its verdict on the neighbour target.
      const now = await t.deps.settings.read();
      if (now.ok) await t.deps.settings.write({ ...now.value, targets: now.value.targets.map((x) => (x.target.id === 'acme-2' ? { ...x, checks: { auth: authOk } } : x)) });
      return secrets.store.delete(account);
    } } });
    await t.deps.settings.write({
      ...emptySettings(),
      targets: [
        { target: cloudTarget({ id: 'acme', name: 'one' }), checks: {} },
        { target: cloudTarget({ id: 'acme-2', name: 'two' }), checks: {} },
      ],
    });
    expect((await t.api.call('targets.delete', { id: 'acme' })).ok).toBe(true);
    const left = value(await t.api.call('targets.list', {})) as TargetRecord[];
    expect(left.map((r) => [r.target.id, r.checks.auth?.status])).toEqual([['acme-2', 'ok']]);
  });

  it('keeps the target when the keychain cannot be reached to delete its credentials', async () => {
    const t = setup({ secrets: memorySecretStore({}, { unavailable: true }).store });
    await seed(t, cloudTarget(), {});
    const r = await t.api.call('targets.delete', { id: 'cloud-1' });
    expect(!r.ok && r.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(value(await t.api.call('targets.list', {}))).toHaveLength(1);
  });

  it('answers SETTINGS_UNREADABLE for every method over a corrupt file, and leaves it as it was', async () => {
    const t = setup();
    const file = join(t.dir, 'settings.json');
    writeFileSync(file, '{"schema_version": 1, "targets": [');
    for (const [name, payload] of [
      ['targets.list', {}],
      ['targets.get', { id: 'x' }],
      ['targets.save', { target: DC_DRAFT }],
      ['targets.delete', { id: 'x' }],
    ] as const) {
      const r = await t.api.call(name, payload);
      expect(!r.ok && r.error.code).toBe('SETTINGS_UNREADABLE');
    }
    expect(readFileSync(file, 'utf8')).toBe('{"schema_version": 1, "targets": [');
  });

  it('serialises concurrent saves so none is lost', async () => {
    const { api } = setup();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => api.call('targets.save', { target: { ...DC_DRAFT, name: `Target ${i}` } })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(value(await api.call('targets.list', {}))).toHaveLength(8);
  });
});
