import { describe, expect, it } from 'vitest';
import type { ChecksRun } from '../../../../shared/contract/checks';
import type { CredentialsStatus } from '../../../../shared/contract/credentials';
import { SECRETS } from '../../../simulators/cloud-sim-state';
import { DC_SECRETS } from '../../../simulators/data-center-sim';
import { JIRA_CLOUD_ID, JIRA_SECRETS } from '../../../simulators/jira-sim';
import { okValue as value, useAtlassianSims } from '../../../support/atlassian-sims';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { testApi } from '../../../support/test-api';

// Issue 13's acceptance items through the contract, each against a simulator that behaves as
// Atlassian does (the simulators cite their sources).

const sims = useAtlassianSims();
const setup = () => testApi({ secrets: memorySecretStore().store, network: simNetwork(sims.cloud.caCert), providers: simProviders(sims.cloud, [sims.dc, sims.jira]) });
const CLOUD = { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0' } as const;
const confirmed = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };

const saveAndRun = async (t: ReturnType<typeof setup>, target: Record<string, unknown>, secrets: Record<string, string>): Promise<{ id: string; run: ChecksRun }> => {
  const id = value<{ target: { id: string } }>(await t.api.call('targets.save', { target })).target.id;
  for (const [kind, secret] of Object.entries(secrets)) value(await t.api.call('credentials.store', { target_id: id, kind, secret }));
  return { id, run: value<ChecksRun>(await t.api.call('checks.run', { target_id: id })) };
};

const cloudJiraTarget = (jiraOver: Record<string, unknown> = {}) => ({
  ...CLOUD,
  workspace: 'acme',
  repository_slug: 'payments',
  auth_method: 'api_token',
  account_email: 'dana@acme.example',
  issue_workflow: 'jira',
  jira: { flavor: 'cloud', base_url: sims.jira.siteUrl, auth_method: 'api_token', account_email: 'dana@acme.example', project_key: 'SEC', issue_type: 'Bug', ...jiraOver },
});

describe('a rate-limited good credential is never reported as PROVIDER_AUTH_REQUIRED', () => {
  it('Bitbucket Cloud 429 without Retry-After: pending, PROVIDER_RATE_LIMITED, credential still "stored"', async () => {
    const t = setup();
    sims.cloud.world.rateLimit = { remaining: 100, headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-resource': 'api-repository' } };
    try {
      const { id, run } = await saveAndRun(t, cloudJiraTarget(), { bitbucket: SECRETS.apiToken, jira: JIRA_SECRETS.cloudToken });
      expect(run.record.readiness.blocking).not.toContain('PROVIDER_AUTH_REQUIRED');
      expect(run.record.readiness.verdict).toBe('incomplete');
      expect(run.record.readiness.rate_limited?.[0]).toMatchObject({ provider: 'bitbucket_cloud', headroom: { 'x-ratelimit-limit': '1000', 'x-ratelimit-resource': 'api-repository' } });
      expect(run.record.readiness.pending).toContain('Bitbucket Cloud is rate limiting the checks (PROVIDER_RATE_LIMITED): wait a few minutes, then run the checks again.');
      expect(run.record.readiness.pending).not.toContain('Store and test a credential.');
      expect(run.findings.find((f) => f.id === 'auth')?.code).toBe('PROVIDER_RATE_LIMITED');
      const status = value<CredentialsStatus>(await t.api.call('credentials.status', { target_id: id }));
      expect(status.credentials[0]).toEqual({ kind: 'bitbucket', state: 'stored' });
    } finally {
      sims.cloud.world.rateLimit = undefined;
      t.cleanup();
    }
  });

  it('a Retry-After beyond the wait limit: "retry after HH:MM" with the time the provider named', async () => {
    const t = setup();
    sims.cloud.world.rateLimit = { remaining: 100, retryAfter: '600' };
    try {
      const { run } = await saveAndRun(t, cloudJiraTarget(), { bitbucket: SECRETS.apiToken, jira: JIRA_SECRETS.cloudToken });
      expect(run.record.checks.rate_limit).toMatchObject({ retry_after_s: 600, retry_at: '2026-11-29T08:10:00.000Z' });
      expect(run.record.readiness.pending).toContain('Bitbucket Cloud is rate limiting the checks (PROVIDER_RATE_LIMITED): retry after 08:10 UTC.');
      expect(run.record.readiness.blocking).toEqual([]);
    } finally {
      sims.cloud.world.rateLimit = undefined;
      t.cleanup();
    }
  });

  it('the next run that gets through clears the pending state', async () => {
    const t = setup();
    sims.cloud.world.rateLimit = { remaining: 100, retryAfter: '600' };
    const { id } = await saveAndRun(t, cloudJiraTarget(), { bitbucket: SECRETS.apiToken, jira: JIRA_SECRETS.cloudToken });
    sims.cloud.world.rateLimit = undefined;
    const again = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(again.record.checks.rate_limit).toBeUndefined();
    expect(again.record.readiness.verdict).toBe('ready');
    t.cleanup();
  });
});

describe('lists are read to their last page', () => {
  it('a Jira issue type on the second page is found (Jira Cloud issueTypes + startAt/total)', async () => {
    const t = setup();
    const { run } = await saveAndRun(t, cloudJiraTarget({ project_key: 'PLAT', issue_type: 'Security Finding' }), { bitbucket: SECRETS.apiToken, jira: JIRA_SECRETS.cloudToken });
    expect(run.record.checks.jira).toMatchObject({ status: 'ok', issue_type: { id: '10299', name: 'Security Finding' } });
    const pages = sims.jira.exchanges.filter((e) => e.request.path === '/rest/api/2/issue/createmeta/PLAT/issuetypes').map((e) => e.request.query.get('startAt'));
    expect(pages.slice(-2)).toEqual(['0', '50']);
    expect(run.record.readiness.verdict).toBe('ready');
    t.cleanup();
  });

  it('a Jira Data Center issue type on the second page is found (values + isLast)', async () => {
    const t = setup();
    const { run } = await saveAndRun(
      t,
      cloudJiraTarget({ flavor: 'data_center', base_url: sims.jira.dcBaseUrl, auth_method: 'personal_access_token', account_email: undefined, project_key: 'PLAT', issue_type: 'Security Finding' }),
      { bitbucket: SECRETS.apiToken, jira: JIRA_SECRETS.dcPat },
    );
    expect(run.record.checks.jira).toMatchObject({ status: 'ok', issue_type: { name: 'Security Finding' } });
    t.cleanup();
  });

  it('a Bitbucket Cloud component on the second page (pagelen ≤ 100, next followed) is accepted', async () => {
    const t = setup();
    const draft = { ...CLOUD, workspace: 'acme', repository_slug: 'monolith', auth_method: 'api_token', account_email: 'dana@acme.example' };
    const { id } = await saveAndRun(t, draft, { bitbucket: SECRETS.apiToken });
    // The wizard's order: the tracker is checked before the native route and its component are chosen.
    value(await t.api.call('targets.save', { target: { ...draft, id, issue_workflow: 'native', component: 'payments-api', priority: 'major' } }));
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(run.record.checks.issue_tracking?.components).toHaveLength(121);
    expect(run.findings.find((f) => f.id === 'route_values')?.verdict).toBe('pass');
    expect(run.record.readiness.blocking).not.toContain('PROVIDER_VALUE_INVALID');
    const asked = sims.cloud.exchanges.filter((e) => e.request.path === '/2.0/repositories/acme/monolith/components').map((e) => e.request.query.get('page') ?? '1');
    expect(asked.slice(-2)).toEqual(['1', '2']);
    t.cleanup();
  });
});

describe('Data Center personal projects', () => {
  it('a repository in ~user.slug checks ready', async () => {
    const t = setup();
    const { run } = await saveAndRun(
      t,
      {
        provider_key: 'bitbucket_data_center_issues',
        deployment_mode: 'self-hosted',
        confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
        base_url: sims.dc.baseUrl,
        allowlist_status: 'approved_tunnel',
        auth_method: 'http_access_token',
        workspace: '~dana.smith',
        repository_slug: 'notes',
        issue_workflow: 'portable',
        portable: { format: 'json' },
      },
      { bitbucket: DC_SECRETS.token },
    );
    expect(run.record.checks.repository).toMatchObject({ status: 'found', is_private: true });
    expect(run.record.readiness.verdict).toBe('ready');
    t.cleanup();
  });
});

describe('Jira Cloud through the Atlassian API gateway', () => {
  it('a scoped token refused on the site: the cloud id comes from /_edge/tenant_info and the gateway accepts it', async () => {
    const t = setup();
    const { run } = await saveAndRun(t, cloudJiraTarget(), { bitbucket: SECRETS.apiToken, jira: JIRA_SECRETS.scopedToken });
    expect(run.record.checks.jira).toMatchObject({ status: 'ok', cloud_id: JIRA_CLOUD_ID, via_gateway: true });
    expect(run.findings.find((f) => f.title === 'Jira API gateway')?.detail).toMatch(/scoped API token/);
    expect(sims.jira.exchanges.some((e) => e.request.path === '/_edge/tenant_info' && e.request.headers.authorization === undefined)).toBe(true);
    t.cleanup();
  });

  it('a scoped token without the work scope: the gateway body is read and the missing scope named', async () => {
    const t = setup();
    const { run } = await saveAndRun(t, cloudJiraTarget({ auth_method: 'scoped_api_token' }), { bitbucket: SECRETS.apiToken, jira: JIRA_SECRETS.scopedTokenUserOnly });
    expect(run.record.checks.jira?.status).toBe('blocked');
    const refused = run.findings.find((f) => f.title === 'Jira project');
    expect(refused?.detail).toMatch(/needs the scope read:jira-work/);
    expect(refused?.evidence).toMatchObject({ missing_scope: 'read:jira-work', provider_message: 'Unauthorized; scope does not match', http_status: 401 });
    t.cleanup();
  });
});

describe('Bitbucket Cloud access tokens can be ready', () => {
  const accessTokenTarget = (over: Record<string, unknown> = {}) => ({ ...cloudJiraTarget(), auth_method: 'access_token', account_email: undefined, ...over });

  it('with the admin confirmation recorded: ready through Jira, and no spurious "Missing scopes: account, issue:write"', async () => {
    const t = setup();
    const { run } = await saveAndRun(t, accessTokenTarget({ token_owner_confirmation: confirmed }), { bitbucket: SECRETS.accessToken, jira: JIRA_SECRETS.cloudToken });
    expect(run.record.checks.workspace).toMatchObject({ basis: 'access_token', bound_workspace: 'acme', customer_owned: true });
    expect(run.findings.find((f) => f.id === 'scopes')?.verdict).toBe('skip');
    expect(JSON.stringify(run.findings)).not.toMatch(/Missing scopes/);
    expect(run.record.readiness.verdict).toBe('ready');
    t.cleanup();
  });

  it('without it: pending on the confirmation, never blocked', async () => {
    const t = setup();
    const { run } = await saveAndRun(t, accessTokenTarget(), { bitbucket: SECRETS.accessToken, jira: JIRA_SECRETS.cloudToken });
    expect(run.record.readiness.blocking).toEqual([]);
    expect(run.record.readiness.pending).toEqual(['Confirm that an admin of the workspace created this access token.']);
    t.cleanup();
  });
});
