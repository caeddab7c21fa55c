import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../main/services/clock/clock';
import { systemNetwork } from '../../../../main/services/net/network';
import { createNodeProviderDeps } from '../../../../main/services/providers/node-provider-deps';
import { guardedClient } from '../../../../main/services/network-check/network-check';
import { policyFor } from '../../../../main/services/url-safety/policy';
import { runTargetJiraCheck } from '../../../../main/services/providers/run-jira-check';
import { runTargetChecks } from '../../../../main/services/providers/run-target-checks';
import { startDataCenterSim, DC_SECRETS, type DataCenterSim } from '../../../simulators/data-center-sim';
import { cloudTarget, dataCenterTarget } from '../../../support/domain-builders';
import { memorySecretStore } from '../../../support/memory-secret-store';

// Production wiring: Data Center and Jira calls go through the URL-safety client. A loopback
// simulator is exactly what that client must refuse — so here the refusal is the proof.

let dc: DataCenterSim;
beforeAll(async () => {
  dc = await startDataCenterSim();
});
afterAll(async () => dc.close());

const resolver = { resolve4: async () => ['127.0.0.1'], resolve6: async () => [] };
// The production network (real judge, real CA loader), with a resolver that answers loopback.
const network = { ...systemNetwork({}), resolver };

describe('createNodeProviderDeps', () => {
  it('Data Center calls go through the URL-safety client: a loopback base URL is blocked before any request', async () => {
    const deps = { ...createNodeProviderDeps({ openExternal: async () => undefined, network }), network };
    const target = dataCenterTarget({ id: 'dc-1', base_url: dc.baseUrl, allowlist_status: 'approved_tunnel', jira: undefined });
    const keychain = memorySecretStore({ 'dc-1:bitbucket': DC_SECRETS.token });
    const r = await runTargetChecks(target, {}, { ...deps, secrets: keychain.store, clock: fixedClock('2026-11-29T08:00:00.000Z') });
    expect(r.checks.url_safety).toMatchObject({ status: 'blocked', reason: 'reserved_ip' });
    // Nothing was sent, so there is no network record (the wizard's check records none either).
    expect(r.checks.network).toBeUndefined();
    expect(r.findings[0]?.code).toBe('PROVIDER_BASE_URL_BLOCKED');
    expect(dc.exchanges).toEqual([]);
  });

  it('Jira calls of a Cloud target use the URL-safety client too, and record its verdict', async () => {
    const deps = { ...createNodeProviderDeps({ openExternal: async () => undefined, network }), network };
    const target = cloudTarget({ id: 'c-1', jira: { flavor: 'data_center', base_url: 'https://jira.internal.acme.com', auth_method: 'personal_access_token', project_key: 'SEC', issue_type: 'Bug' } });
    const http = await guardedClient(network, target);
    if (!http.ok) throw new Error(http.error.message);
    const r = await http.value({ url: 'https://jira.internal.acme.com/rest/api/2/serverInfo' });
    expect(r.ok ? 'sent' : r.reason).toBe('reserved_ip');
    const keychain = memorySecretStore({ 'c-1:jira': 'jira-pat-value' });
    const jira = await runTargetJiraCheck(target, { ...deps, secrets: keychain.store, clock: fixedClock('2026-11-29T08:00:00.000Z') });
    expect(jira?.jira).toMatchObject({ status: 'blocked', code: 'PROVIDER_BASE_URL_BLOCKED', url_safety: { status: 'blocked', reason: 'reserved_ip' } });
  });

  it('a corporate CA that must be chosen again (its old file no longer loads) is CA_FILE_INVALID for the Data Center run and its Jira handoff, before any request', async () => {
    const deps = { ...createNodeProviderDeps({ openExternal: async () => undefined, network }), network };
    const target = dataCenterTarget({
      id: 'dc-2',
      base_url: dc.baseUrl,
      allowlist_status: 'approved_tunnel',
      ca_needs_choice: { reason: 'the file it named could not be read (ENOENT).' },
      jira: { flavor: 'data_center', base_url: 'https://jira.internal.acme.com', auth_method: 'personal_access_token', project_key: 'SEC', issue_type: 'Bug' },
    });
    const keychain = memorySecretStore({ 'dc-2:bitbucket': DC_SECRETS.token, 'dc-2:jira': 'jira-pat-value' });
    const r = await runTargetChecks(target, {}, { ...deps, secrets: keychain.store, clock: fixedClock('2026-11-29T08:00:00.000Z') });
    expect(r.findings.find((f) => f.id === 'instance')).toMatchObject({ code: 'CA_FILE_INVALID' });
    expect(r.findings.find((f) => f.id === 'instance')?.detail).toContain('Choose the corporate CA again: the file it named could not be read (ENOENT).');
    expect(r.checks.jira).toMatchObject({ status: 'blocked', code: 'CA_FILE_INVALID' });
    expect(dc.exchanges).toEqual([]);
  });

  it.each([
    [dataCenterTarget({ allowlist_status: 'approved_tunnel' }), { deployment: 'self-hosted', allowlist_status: 'approved_tunnel', acknowledge_private: false }],
    [dataCenterTarget({ allowlist_status: 'allowlisted', private_address_acknowledged: true }), { deployment: 'self-hosted', allowlist_status: 'allowlisted', acknowledge_private: true }],
    [cloudTarget(), { deployment: 'cloud', acknowledge_private: false }],
  ])('policy from the target (%#)', (target, policy) => {
    expect(policyFor(target)).toEqual(policy);
  });
});
