import { describe, expect, it } from 'vitest';
import type { TargetRecord } from '../../../../shared/contract/targets';
import { BITBUCKET_CLOUD_API_ROOT } from '../../../../shared/domain/vocabulary';
import { emptySettings } from '../../../../main/services/settings/settings-data';
import { authOk, cloudTarget, confirmed, dataCenterTarget, ownedWorkspace, passedUrl, reached, trackerOn } from '../../../support/domain-builders';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { testApiEach, type testApi } from '../../../support/test-api';

// Targets an admin can tell apart and manage: names that say which host, rename, duplicate
// without secrets. (Delete and its keychain entries: targets.test.ts, and against the real
// Secret Service in targets-delete.keychain.test.ts.)

const setup = testApiEach();

type Answer = Awaited<ReturnType<ReturnType<typeof testApi>['api']['call']>>;
const record = (r: Answer): TargetRecord => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as TargetRecord;
};
const refusal = (r: Answer) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

const CONFIRMED = { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed };
const DC_DRAFT = { provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted' } as const;

describe('generated names say which host', () => {
  it('two Data Center drafts on two hosts are named by host, even when the form sends the shown name back', async () => {
    const { api } = setup();
    const names: string[] = [];
    for (const host of ['git.corp-a.example', 'git.corp-b.example']) {
      const draft = record(await api.call('targets.save', { target: { ...DC_DRAFT, confirmations: CONFIRMED } }));
      // What the Target step sends: the stored draft, its (generated) name included, and the URL.
      const saved = record(await api.call('targets.save', { target: { ...DC_DRAFT, id: draft.target.id, name: draft.target.name, confirmations: CONFIRMED, base_url: `https://${host}/` } }));
      names.push(saved.target.name);
    }
    expect(names).toEqual(['Data Center at git.corp-a.example', 'Data Center at git.corp-b.example']);
    expect(names.join(' ')).not.toMatch(/Data Center target/);
  });

  it('follows the project and repository, and keeps a name the admin typed', async () => {
    const { api } = setup();
    const base = { ...DC_DRAFT, confirmations: CONFIRMED, base_url: 'https://git.corp.example/bitbucket' };
    const first = record(await api.call('targets.save', { target: base }));
    expect(first.target.name).toBe('Data Center at git.corp.example');
    const second = record(await api.call('targets.save', { target: { ...base, id: first.target.id, name: first.target.name, workspace: 'SEC', repository_slug: 'payments' } }));
    expect(second.target.name).toBe('SEC/payments at git.corp.example');
    const named = record(await api.call('targets.save', { target: { ...base, id: first.target.id, name: 'Payments prod', workspace: 'SEC', repository_slug: 'payments' } }));
    expect(named.target.name).toBe('Payments prod');
    const later = record(await api.call('targets.save', { target: { ...base, id: first.target.id, name: 'Payments prod', workspace: 'SEC', repository_slug: 'web' } }));
    expect(later.target.name).toBe('Payments prod');
  });

  it('gives a name frozen by an earlier version ("Data Center target (2)") the host on the next save', async () => {
    const t = setup();
    await t.deps.settings.write({
      ...emptySettings(),
      targets: [
        { target: dataCenterTarget({ id: 'dc-1', name: 'Data Center target', workspace: undefined, repository_slug: undefined }), checks: {} },
        { target: dataCenterTarget({ id: 'dc-2', name: 'Data Center target (2)', base_url: 'https://other.corp.example/', workspace: undefined, repository_slug: undefined }), checks: {} },
      ],
    });
    const stored = record(await t.api.call('targets.get', { id: 'dc-2' })).target;
    const { created_at: _c, updated_at: _u, ca: _ca, ca_needs_choice: _n, ...draft } = stored as typeof stored & { ca?: unknown; ca_needs_choice?: unknown };
    const saved = record(await t.api.call('targets.save', { target: draft }));
    expect(saved.target.name).toBe('Data Center at other.corp.example');
  });
});

describe('targets.rename', () => {
  const seed = async (t: ReturnType<typeof setup>) =>
    t.deps.settings.write({
      ...emptySettings(),
      targets: [
        { target: dataCenterTarget({ id: 'dc-1', name: 'SEC/payments at bitbucket.corp.acme.com' }), checks: { url_safety: passedUrl, network: reached, auth: authOk } },
        { target: cloudTarget({ id: 'cloud-1', name: 'Payments (Cloud)' }), checks: {} },
      ],
    });

  it('renames by id or name; the id, the credential and every check stay, and the name stays put on later saves', async () => {
    const secrets = memorySecretStore({ 'dc-1:bitbucket': 'tok' });
    const t = setup({ secrets: secrets.store });
    await seed(t);
    t.clock.advance(60_000);
    const renamed = record(await t.api.call('targets.rename', { id: 'sec/payments AT bitbucket.corp.acme.com', name: '  Payments on-prem  ' }));
    expect(renamed.target).toMatchObject({ id: 'dc-1', name: 'Payments on-prem', updated_at: '2026-11-29T08:01:00.000Z', created_at: '2026-11-29T08:00:00.000Z' });
    expect(renamed.credential).toBe('stored');
    expect(Object.keys(renamed.checks).sort()).toEqual(['auth', 'network', 'url_safety']);
    expect([...secrets.map.keys()]).toEqual(['dc-1:bitbucket']);
    expect(record(await t.api.call('targets.get', { id: 'dc-1' })).target.name).toBe('Payments on-prem');
  });

  const bad: Array<[string, unknown, string]> = [
    ['a name another target uses (any case)', { id: 'dc-1', name: 'PAYMENTS (cloud)' }, 'REQUEST_INVALID'],
    ['an empty name', { id: 'dc-1', name: '   ' }, 'REQUEST_INVALID'],
    ['a name over 120 characters', { id: 'dc-1', name: 'x'.repeat(121) }, 'REQUEST_INVALID'],
    ['an unknown target', { id: 'nope', name: 'Whatever' }, 'TARGET_NOT_FOUND'],
  ];
  it.each(bad)('refuses %s', async (_label, input, code) => {
    const t = setup();
    await seed(t);
    const error = refusal(await t.api.call('targets.rename', input));
    expect(error.code).toBe(code);
    if (code === 'REQUEST_INVALID' && (input as { name: string }).name.startsWith('PAYMENTS')) {
      expect(error.message).toMatch(/already named "Payments \(Cloud\)"/);
      expect(error.details?.['conflicting_id']).toBe('cloud-1');
    }
    expect(record(await t.api.call('targets.get', { id: 'dc-1' })).target.name).toBe('SEC/payments at bitbucket.corp.acme.com');
  });
});

describe('targets.duplicate', () => {
  it('copies a Data Center target under a new id with no secret, no credential facts and no checks', async () => {
    const secrets = memorySecretStore({ 'dc-1:bitbucket': 'tok', 'dc-1:jira': 'pat' });
    const t = setup({ secrets: secrets.store });
    const source = dataCenterTarget({ id: 'dc-1', name: 'SEC/payments at bitbucket.corp.acme.com' });
    await t.deps.settings.write({
      ...emptySettings(),
      targets: [{ target: source, checks: { url_safety: passedUrl, network: reached, auth: authOk }, credential_meta: { bitbucket: { stored_at: '2026-11-01T00:00:00.000Z', expires_on: null, basis: 'unknown' } } }],
    });
    const copy = record(await t.api.call('targets.duplicate', { id: 'dc-1' }));
    expect(copy.target.id).not.toBe('dc-1');
    // A generated name follows the usual rule: the copy is told apart by its number until its repository changes.
    expect(copy.target.name).toBe('SEC/payments at bitbucket.corp.acme.com (2)');
    expect(copy.checks).toEqual({});
    expect(copy.credential).toBe('missing');
    const { id: _a, name: _b, created_at: _c, updated_at: _d, ...copied } = copy.target;
    const { id: _e, name: _f, created_at: _g, updated_at: _h, ...original } = source;
    expect(copied).toEqual(original);
    expect([...secrets.map.keys()].sort()).toEqual(['dc-1:bitbucket', 'dc-1:jira']);
    const list = (await t.api.call('targets.list', {})) as { ok: true; value: TargetRecord[] };
    expect(list.value.map((r) => r.target.id)).toEqual(['dc-1', copy.target.id]);
    const stored = await t.deps.settings.read();
    expect(stored.ok && stored.value.targets[1]?.credential_meta).toBeUndefined();
  });

  it("drops what belonged to a Cloud source's credential: its scopes, the token owner's confirmation and a native route", async () => {
    const t = setup();
    await t.deps.settings.write({
      ...emptySettings(),
      targets: [
        {
          target: cloudTarget({ id: 'cloud-1', name: 'Payments', auth_method: 'access_token', scopes: ['read:issue:bitbucket'], token_owner_confirmation: confirmed, issue_workflow: 'native' }),
          checks: { auth: authOk, workspace: ownedWorkspace, issue_tracking: trackerOn },
        },
      ],
    });
    const copy = record(await t.api.call('targets.duplicate', { id: 'cloud-1' }));
    expect(copy.target).toMatchObject({ name: 'Payments (copy)', workspace: 'acme', repository_slug: 'payments', auth_method: 'access_token', base_url: BITBUCKET_CLOUD_API_ROOT, scopes: [] });
    expect(copy.target).not.toHaveProperty('token_owner_confirmation');
    expect(copy.target).not.toHaveProperty('issue_workflow');
    const again = record(await t.api.call('targets.duplicate', { id: 'cloud-1' }));
    expect(again.target.name).toBe('Payments (copy) (2)');
    const named = record(await t.api.call('targets.duplicate', { id: 'cloud-1', name: 'Payments web' }));
    expect(named.target).toMatchObject({ id: 'payments-web', name: 'Payments web' });
  });

  it('refuses a copy name already in use, and an unknown source', async () => {
    const t = setup();
    await t.deps.settings.write({ ...emptySettings(), targets: [{ target: cloudTarget({ id: 'cloud-1', name: 'Payments' }), checks: {} }] });
    expect(refusal(await t.api.call('targets.duplicate', { id: 'cloud-1', name: 'payments' })).code).toBe('REQUEST_INVALID');
    expect(refusal(await t.api.call('targets.duplicate', { id: 'nope' })).code).toBe('TARGET_NOT_FOUND');
    expect(((await t.api.call('targets.list', {})) as { ok: true; value: TargetRecord[] }).value).toHaveLength(1);
  });
});
