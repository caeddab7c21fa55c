import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCloudChecks, type CloudCheckInput } from '../../../../../main/services/providers/bitbucket-cloud/cloud-checks';
import type { CloudCredential } from '../../../../../main/services/providers/bitbucket-cloud/cloud-credential';
import { evaluateReadiness } from '../../../../../shared/domain/readiness';
import { startCloudSim, type CloudSim } from '../../../../simulators/bitbucket-cloud-sim';
import { SECRETS } from '../../../../simulators/cloud-sim-state';
import { cloudTarget } from '../../../../support/domain-builders';
import { cloudClientFor, NOW } from '../../../../support/provider-harness';

let sim: CloudSim;
beforeAll(async () => {
  sim = await startCloudSim();
});
afterAll(async () => sim.close());

const dana: CloudCredential = { method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiToken };
const now = () => new Date(NOW);
const run = (credential: CloudCredential, over: Partial<CloudCheckInput> = {}) =>
  runCloudChecks(cloudClientFor(sim, credential), { workspace: 'acme', repositorySlug: 'payments', authMethod: credential.method, ...over }, now);
const finding = (r: Awaited<ReturnType<typeof run>>, id: string) => r.findings.find((f) => f.id === id);

describe('Bitbucket Cloud auth methods', () => {
  it('api_token: Basic with the account e-mail and the token', async () => {
    const r = await run(dana);
    expect(r.checks.auth).toMatchObject({ status: 'ok', identity: { display_name: 'Dana Admin' } });
    const sent = sim.exchanges.find((e) => e.request.path === '/2.0/user')?.request.headers.authorization ?? '';
    expect(Buffer.from(sent.slice(6), 'base64').toString('utf8').startsWith('dana@acme.example:')).toBe(true);
  });

  it('access_token: Bearer', async () => {
    const r = await run({ method: 'access_token', token: SECRETS.accessToken });
    expect(r.checks.auth?.status).toBe('ok');
    expect(r.checks.repository?.status).toBe('found');
    expect(sim.exchanges.some((e) => e.request.headers.authorization === `Bearer ${SECRETS.accessToken}`)).toBe(true);
  });

  const wrong: Array<[string, CloudCredential]> = [
    ['api_token', { method: 'api_token', email: 'dana@acme.example', token: 'ATATT-wrong' }],
    ['api_token with the username instead of the e-mail', { method: 'api_token', email: 'dana', token: SECRETS.apiToken }],
    ['access_token', { method: 'access_token', token: 'ATCTT-wrong' }],
    ['oauth', { method: 'oauth', accessToken: 'expired-or-wrong' }],
  ];
  it.each(wrong)('wrong secret (%s) → PROVIDER_AUTH_REQUIRED, rejected', async (_name, credential) => {
    const r = await run(credential);
    expect(r.checks.auth).toMatchObject({ status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED' });
    expect(finding(r, 'auth')?.code).toBe('PROVIDER_AUTH_REQUIRED');
    expect(r.checks.workspace).toBeUndefined();
  });

  it('app_password: explained as retired, rejected with PROVIDER_AUTH_REQUIRED and the way to an API token', async () => {
    const r = await run({ method: 'app_password', username: 'dana', password: SECRETS.appPassword });
    expect(r.checks.auth).toMatchObject({ status: 'retired', code: 'PROVIDER_AUTH_REQUIRED' });
    expect(finding(r, 'app_password')?.detail).toMatch(/retired on 2026-07-28/);
    expect(finding(r, 'auth')?.detail).toMatch(/API token/);
    expect(evaluateReadiness(cloudTarget({ auth_method: 'app_password' }), r.checks).blocking).toContain('PROVIDER_AUTH_REQUIRED');
  });
});

describe('Bitbucket Cloud workspace role', () => {
  it.each([
    ['owner', 'acme', true],
    ['member', 'partner', true],
    ['collaborator (below member)', 'guests', false],
  ] as const)('%s', async (_n, workspace, owned) => {
    const r = await run(dana, { workspace });
    expect(r.checks.workspace?.customer_owned).toBe(owned);
  });

  it('not a member → PROVIDER_WORKSPACE_NOT_OWNED, role none', async () => {
    const r = await run({ method: 'api_token', email: 'eve@elsewhere.example', token: SECRETS.eveToken });
    expect(r.checks.workspace).toMatchObject({ role: 'none', customer_owned: false });
    expect(finding(r, 'workspace')?.code).toBe('PROVIDER_WORKSPACE_NOT_OWNED');
  });
});

describe('Bitbucket Cloud repository and issue availability', () => {
  it('private repository, issues retired (410 CHANGE-2770) → ISSUE_TRACKING_DISABLED, retired reason', async () => {
    const r = await run(dana);
    expect(r.checks.repository).toMatchObject({ status: 'found', is_private: true, has_issues: null });
    expect(r.checks.issue_tracking).toMatchObject({ available: false, retired: true, reason: 'Bitbucket Cloud issues were retired on 2026-08-20' });
    expect(finding(r, 'issue_tracking')).toMatchObject({ code: 'ISSUE_TRACKING_DISABLED', evidence: { http_status: 410, route_to: ['jira', 'portable'] } });
    expect(finding(r, 'scopes')?.verdict).toBe('skip');
  });

  it('issues endpoint 404 → ISSUE_TRACKING_DISABLED', async () => {
    const r = await run(dana, { repositorySlug: 'ledger' });
    expect(r.checks.issue_tracking).toMatchObject({ available: false });
    expect(finding(r, 'issue_tracking')?.code).toBe('ISSUE_TRACKING_DISABLED');
  });

  it('has_issues false → ISSUE_TRACKING_DISABLED', async () => {
    const r = await run(dana, { workspace: 'partner', repositorySlug: 'shared' });
    expect(r.checks.repository?.has_issues).toBe(false);
    expect(r.checks.issue_tracking?.available).toBe(false);
  });

  it('repository missing → PROVIDER_RESOURCE_NOT_FOUND', async () => {
    const r = await run(dana, { repositorySlug: 'nope' });
    expect(r.checks.repository?.status).toBe('missing');
    expect(finding(r, 'repository')?.code).toBe('PROVIDER_RESOURCE_NOT_FOUND');
    expect(r.checks.issue_tracking).toBeUndefined();
  });

  it('tracker present: components listed, native available, exact scopes pass', async () => {
    const r = await run(dana, { repositorySlug: 'legacy', component: 'api', priority: 'major' });
    expect(r.checks.issue_tracking).toMatchObject({ available: true, components: ['api', 'web'] });
    expect(r.checks.scopes).toMatchObject({ status: 'sufficient', missing: [], broader: [], credential_type: 'api_token' });
    expect(finding(r, 'route_values')?.verdict).toBe('pass');
  });

  it.each([
    ['a bad priority', { priority: 'urgent' }],
    ['a component not in the list', { component: 'mobile' }],
  ])('tracker present with %s → PROVIDER_VALUE_INVALID', async (_n, over) => {
    const r = await run(dana, { repositorySlug: 'legacy', ...over });
    expect(finding(r, 'route_values')?.code).toBe('PROVIDER_VALUE_INVALID');
  });
});

describe('Bitbucket Cloud scopes', () => {
  it('missing issue scopes (403 with required/granted) → PROVIDER_SCOPE_UNAVAILABLE', async () => {
    const r = await run({ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiTokenNoIssue }, { repositorySlug: 'legacy' });
    expect(r.checks.scopes?.status).toBe('missing');
    expect(r.checks.scopes?.missing).toEqual(expect.arrayContaining(['read:issue:bitbucket', 'write:issue:bitbucket']));
    expect(finding(r, 'scopes')?.code).toBe('PROVIDER_SCOPE_UNAVAILABLE');
    expect(evaluateReadiness(cloudTarget({ issue_workflow: 'native' }), r.checks).blocking).toContain('PROVIDER_SCOPE_UNAVAILABLE');
  });

  it('the live service\'s detail.required / detail.granted form is read too', async () => {
    sim.world.scopeErrorStyle = 'observed';
    try {
      const r = await run({ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiTokenNoIssue }, { repositorySlug: 'legacy' });
      expect(r.checks.scopes).toMatchObject({ status: 'missing', granted: ['read:user:bitbucket', 'read:workspace:bitbucket', 'read:repository:bitbucket'] });
    } finally {
      sim.world.scopeErrorStyle = 'schema';
    }
  });

  it('too broad → least-privilege warning', async () => {
    const r = await run({ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiTokenBroad }, { repositorySlug: 'legacy' });
    expect(r.checks.scopes).toMatchObject({ status: 'sufficient', broader: ['admin:repository:bitbucket', 'delete:repository:bitbucket'] });
    expect(finding(r, 'scopes')?.verdict).toBe('warn');
  });
});
