import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecksRun } from '../../../../shared/contract/checks';
import type { TargetRecord } from '../../../../shared/contract/targets';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { DC_SECRETS, startDataCenterSim, type DataCenterSim } from '../../../simulators/data-center-sim';
import type { RunningSim } from '../../../simulators/https-sim';
import { JIRA_SECRETS, startJiraSim, type JiraSim } from '../../../simulators/jira-sim';
import { CA_A_PEM } from '../../../support/corporate-ca';
import { confirmed } from '../../../support/domain-builders';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { testApi } from '../../../support/test-api';

// Issue 12 §1, the stolen session: with the API, an attacker re-points a saved target's base_url
// (or its CA, or its Jira URL) at a host of their own and runs checks.run. The stored secret must
// not go there. Two simulators on loopback stand for the real host and the attacker's; every
// Authorization header each one received is counted.

let cloud: CloudSim;
let dc: DataCenterSim;
let evil: DataCenterSim;
let jira: JiraSim;
let evilJira: JiraSim;

beforeAll(async () => {
  [cloud, dc, evil, jira, evilJira] = await Promise.all([startCloudSim(), startDataCenterSim(), startDataCenterSim(), startJiraSim(), startJiraSim()]);
});
afterAll(async () => {
  await Promise.all([cloud.close(), dc.close(), evil.close(), jira.close(), evilJira.close()]);
});

/** Authorization headers a simulator has received so far. */
const authHeaders = (sim: RunningSim): number => sim.exchanges.filter((e) => e.request.headers['authorization'] !== undefined).length;

const value = <T>(r: { ok: boolean; value?: unknown; error?: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`);
  return r.value as T;
};

const DRAFT = {
  provider_key: 'bitbucket_data_center_issues',
  deployment_mode: 'self-hosted',
  confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
  allowlist_status: 'approved_tunnel',
  auth_method: 'http_access_token',
  workspace: 'SEC',
  repository_slug: 'payments',
} as const;

const setup = async () => {
  const keychain = memorySecretStore();
  const t = testApi({ secrets: keychain.store, network: simNetwork(cloud.caCert), providers: simProviders(cloud, [dc, jira]) });
  const jiraHandoff = { flavor: 'data_center', base_url: jira.dcBaseUrl, auth_method: 'personal_access_token', project_key: 'SEC', issue_type: 'Task' };
  const saved = value<TargetRecord>(await t.api.call('targets.save', { target: { ...DRAFT, base_url: dc.baseUrl, jira: jiraHandoff } }));
  const id = saved.target.id;
  value(await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: DC_SECRETS.token }));
  value(await t.api.call('credentials.store', { target_id: id, kind: 'jira', secret: JIRA_SECRETS.dcPat }));
  const before = authHeaders(dc);
  const first = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
  // The baseline: the real host did get the credential, and so did Jira.
  expect(first.record.checks.auth?.status).toBe('ok');
  expect(authHeaders(dc)).toBeGreaterThan(before);
  const save = async (change: Record<string, unknown>) => value<TargetRecord>(await t.api.call('targets.save', { target: { ...DRAFT, id, base_url: dc.baseUrl, jira: jiraHandoff, ...change } }));
  return { ...t, id, keychain, save, jiraHandoff };
};

describe('a credential is bound to the origin and CA it was entered for', () => {
  it('re-pointing base_url through the API deletes the secret; checks.run then sends no Authorization header anywhere', async () => {
    const t = await setup();
    const record = await t.save({ base_url: evil.baseUrl });
    expect(await t.keychain.store.get(`${t.id}:bitbucket`)).toBeNull();
    expect(record.credential).toBe('missing');
    expect(record.checks.auth).toMatchObject({ status: 'missing', code: 'PROVIDER_AUTH_REQUIRED' });
    expect(record.checks.auth?.detail).toContain(`it was entered for ${new URL(dc.baseUrl).origin}, the target now points at ${new URL(evil.baseUrl).origin}`);
    expect(record.readiness.blocking).toContain('PROVIDER_AUTH_REQUIRED');
    const [dcBefore, evilBefore] = [authHeaders(dc), authHeaders(evil)];
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: t.id }));
    expect(authHeaders(evil)).toBe(evilBefore);
    expect(authHeaders(dc)).toBe(dcBefore);
    expect(evil.exchanges.every((e) => !JSON.stringify(e.request).includes(DC_SECRETS.token))).toBe(true);
    expect(run.record.checks.auth).toMatchObject({ status: 'missing' });
    t.cleanup();
  });

  it('changing the corporate CA deletes the secret, and the record says the credential is missing and why', async () => {
    const t = await setup();
    const record = await t.save({ ca_pem: CA_A_PEM });
    expect(await t.keychain.store.get(`${t.id}:bitbucket`)).toBeNull();
    expect(record.checks.auth?.detail).toMatch(/entered trusting the system certificates, the target now trusts the corporate CA B7:B3:D0:30/);
    const before = authHeaders(dc);
    await t.api.call('checks.run', { target_id: t.id });
    expect(authHeaders(dc)).toBe(before);
    t.cleanup();
  });

  it('changing the Jira URL deletes the Jira secret; the Jira check sends no Authorization header to the new site', async () => {
    const t = await setup();
    const record = await t.save({ jira: { ...t.jiraHandoff, base_url: evilJira.dcBaseUrl } });
    expect(await t.keychain.store.get(`${t.id}:jira`)).toBeNull();
    expect(await t.keychain.store.get(`${t.id}:bitbucket`)).toBe(DC_SECRETS.token);
    expect(record.checks.jira).toMatchObject({ status: 'blocked', code: 'PROVIDER_AUTH_REQUIRED' });
    const before = authHeaders(evilJira);
    await t.api.call('checks.run', { target_id: t.id });
    expect(authHeaders(evilJira)).toBe(before);
    t.cleanup();
  });

  it('a save that keeps the origin and CA keeps the secret (a renamed target, another repository)', async () => {
    const t = await setup();
    await t.save({ name: 'Renamed', repository_slug: 'web' });
    expect(await t.keychain.store.get(`${t.id}:bitbucket`)).toBe(DC_SECRETS.token);
    expect(await t.keychain.store.get(`${t.id}:jira`)).toBe(JIRA_SECRETS.dcPat);
    t.cleanup();
  });

  it('enforced at the client too: a settings file re-pointed behind the API gets no Authorization header sent', async () => {
    const t = await setup();
    const data = await t.deps.settings.read();
    if (!data.ok) throw new Error(data.error.message);
    // The keychain still holds the secret: only the file changed (as if a delete had been skipped).
    const moved = data.value.targets.map((s) => (s.target.id === t.id ? { ...s, target: { ...s.target, base_url: evil.baseUrl, jira: { ...t.jiraHandoff, base_url: evilJira.dcBaseUrl } } } : s));
    await t.deps.settings.write({ ...data.value, targets: moved } as typeof data.value);
    const [evilBefore, evilJiraBefore] = [authHeaders(evil), authHeaders(evilJira)];
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: t.id }));
    expect(authHeaders(evil)).toBe(evilBefore);
    expect(authHeaders(evilJira)).toBe(evilJiraBefore);
    expect(run.record.checks.auth).toMatchObject({ status: 'missing', code: 'PROVIDER_AUTH_REQUIRED' });
    expect(run.record.checks.auth?.detail).toMatch(/was not sent: it was entered for/);
    expect(run.record.checks.jira).toMatchObject({ status: 'blocked', code: 'PROVIDER_AUTH_REQUIRED' });
    t.cleanup();
  });

  it('the bulk path withholds it as well: discovery on a target re-pointed behind the API sends no Authorization header', async () => {
    const t = await setup();
    const data = await t.deps.settings.read();
    if (!data.ok) throw new Error(data.error.message);
    const moved = data.value.targets.map((s) => (s.target.id === t.id ? { ...s, target: { ...s.target, base_url: evil.baseUrl } } : s));
    await t.deps.settings.write({ ...data.value, targets: moved } as typeof data.value);
    const before = authHeaders(evil);
    const r = await t.api.call('bulk.discover', { target_id: t.id, projects: [], exclude: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('PROVIDER_AUTH_REQUIRED');
      expect(r.error.message).toMatch(/was not sent: it was entered for/);
    }
    expect(authHeaders(evil)).toBe(before);
    t.cleanup();
  });
});
