import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCloudChecks, type CloudCheckInput } from '../../../../../main/services/providers/bitbucket-cloud/cloud-checks';
import type { CloudCredential } from '../../../../../main/services/providers/bitbucket-cloud/cloud-credential';
import { evaluateReadiness } from '../../../../../shared/domain/readiness';
import { startCloudSim, type CloudSim } from '../../../../simulators/bitbucket-cloud-sim';
import { SECRETS } from '../../../../simulators/cloud-sim-state';
import { cloudTarget } from '../../../../support/domain-builders';
import { createCloudClient } from '../../../../../main/services/providers/bitbucket-cloud/cloud-client';
import { accessTokenOwnership } from '../../../../../main/services/providers/bitbucket-cloud/cloud-ownership';
import { fixedClock } from '../../../../../main/services/clock/clock';
import type { HttpClient } from '../../../../../main/services/net/http-client';
import { cloudClientFor, NOW, recordingSleep, simHttp } from '../../../../support/provider-harness';

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
  it.each(wrong)('wrong secret (%s) → PROVIDER_AUTH_REQUIRED, rejected, with Bitbucket\'s own 401 sentence', async (_name, credential) => {
    const r = await run(credential);
    expect(r.checks.auth).toMatchObject({ status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED' });
    expect(finding(r, 'auth')?.code).toBe('PROVIDER_AUTH_REQUIRED');
    // Basic with a user name instead of the e-mail is read as an app password, and refused as one.
    const sentence = credential.method === 'api_token' && !credential.email.includes('@') ? /App passwords are no longer supported/ : /^Token is invalid, expired, or not supported for this endpoint\.$/;
    expect(finding(r, 'auth')?.evidence).toMatchObject({ http_status: 401, provider_message: expect.stringMatching(sentence) });
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

  it('issues endpoint 404 (the generic answer after the sunset) → ISSUE_TRACKING_DISABLED with the sunset named, like a 410', async () => {
    const r = await run(dana, { repositorySlug: 'ledger' });
    expect(r.checks.issue_tracking).toMatchObject({ available: false, retired: true, reason: 'Bitbucket Cloud issues were retired on 2026-08-20' });
    expect(finding(r, 'issue_tracking')).toMatchObject({ code: 'ISSUE_TRACKING_DISABLED', evidence: { http_status: 404 } });
  });

  it('the 410 is not labelled CHANGE-2770 (that notice is the cross-workspace API removal)', async () => {
    const r = await run(dana);
    expect(JSON.stringify(finding(r, 'issue_tracking'))).not.toContain('CHANGE-2770');
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

describe('Bitbucket Cloud component pages', () => {
  it('past the page cap the list is truncated and says so; a component not in it is a warning, not PROVIDER_VALUE_INVALID', async () => {
    const client = createCloudClient({ http: simHttp(sim), credential: dana, clock: fixedClock(NOW), sleep: recordingSleep().sleep, apiRoot: sim.apiRoot, maxPages: 1 });
    const r = await runCloudChecks(client, { workspace: 'acme', repositorySlug: 'monolith', authMethod: 'api_token', component: 'payments-api' }, now);
    expect(r.checks.issue_tracking).toMatchObject({ available: true, components_truncated: true });
    expect(finding(r, 'issue_tracking')?.detail).toMatch(/\(list truncated at 100 components\)$/);
    expect(finding(r, 'route_values')).toMatchObject({ verdict: 'warn', evidence: { truncated_at: 100 } });
  });

  it('a `next` that leaves the repository is not followed: PROVIDER_RESPONSE_INVALID', async () => {
    const hostile: HttpClient = async (req) => ({
      ok: true,
      response: {
        status: 200,
        headers: {},
        url: req.url,
        body: JSON.stringify(
          req.url.endsWith('/components?pagelen=100')
            ? { values: [{ type: 'component', name: 'api' }], next: 'https://api.bitbucket.org/2.0/repositories/evil/other/components?page=2' }
            : { type: 'repository', has_issues: true },
        ),
      },
      evidence: { addresses: [], redirects: [], via_proxy: false, timings_ms: {} },
    });
    const client = createCloudClient({ http: hostile, credential: dana, clock: fixedClock(NOW), sleep: recordingSleep().sleep });
    const r = await client.components('acme', 'legacy');
    expect(r.ok ? 'ok' : r.failure.code).toBe('PROVIDER_RESPONSE_INVALID');
  });
});

describe('Bitbucket Cloud access tokens: ownership from the resource, scopes by route', () => {
  const token = (t: string): CloudCredential => ({ method: 'access_token', token: t });

  it('a repository access token: the 403 on /user is expected, the membership endpoint is not asked, the workspace comes from the repository', async () => {
    const before = sim.exchanges.length;
    const r = await run(token(SECRETS.accessToken));
    const asked = sim.exchanges.slice(before).map((e) => e.request.path);
    expect(asked).not.toContain('/2.0/user/workspaces/acme/permission');
    expect(r.checks.auth).toMatchObject({ status: 'ok', identity: { display_name: 'repo_access_token' } });
    expect(r.checks.workspace).toMatchObject({ basis: 'access_token', bound_workspace: 'acme', customer_owned: true });
    expect(finding(r, 'workspace')?.verdict).toBe('pass');
    // Work goes to Jira (issues retired): no "Missing scopes: account, issue:write".
    expect(finding(r, 'scopes')?.verdict).toBe('skip');
    expect(r.checks.scopes).toBeUndefined();
  });

  it('a token bound to another repository cannot see this one: missing, and the finding says why', async () => {
    const r = await run(token(SECRETS.otherRepoAccessToken));
    expect(r.checks.repository?.status).toBe('missing');
    expect(finding(r, 'repository')?.detail).toMatch(/sees only the repository, project or workspace it was created for/);
    expect(r.checks.workspace).toBeUndefined();
  });

  it('a workspace access token on a working tracker: missing only the issue scopes, with the access-token hint (no `account`)', async () => {
    const r = await run(token(SECRETS.workspaceAccessToken), { repositorySlug: 'legacy' });
    expect(r.checks.scopes?.missing).toEqual(['issue:write', 'issue']);
    expect(r.checks.scopes?.credential_type).toBe('workspace_access_token');
    expect(finding(r, 'scopes')).toMatchObject({ code: 'PROVIDER_SCOPE_UNAVAILABLE', detail: expect.stringMatching(/Access tokens cannot hold issue scopes/) });
  });

  it('a refusal on the Jira route asks only for what the endpoint named (x-accepted-oauth-scopes), not the native table', async () => {
    const r = await run({ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiTokenNoRepo }, { repositorySlug: 'payments' });
    expect(r.checks.scopes).toMatchObject({ status: 'missing', required: ['read:repository:bitbucket'], missing: ['read:repository:bitbucket'] });
  });

  it.each([
    ['the workspace entered', { type: 'repository', workspace: { type: 'workspace', slug: 'acme' } }, { customer_owned: true, bound_workspace: 'acme' }, 'pass'],
    ['the same workspace in other case', { type: 'repository', workspace: { type: 'workspace', slug: 'ACME' } }, { customer_owned: true }, 'pass'],
    ['another workspace', { type: 'repository', workspace: { type: 'workspace', slug: 'acquired-co' } }, { customer_owned: false, bound_workspace: 'acquired-co' }, 'fail'],
  ] as const)('ownership from a repository of %s', (_n, repo, record, verdict) => {
    const o = accessTokenOwnership(repo, 'acme', 'repo_access_token', new Date(NOW));
    expect(o.record).toMatchObject({ basis: 'access_token', ...record });
    expect(o.finding.verdict).toBe(verdict);
    if (verdict === 'fail') expect(o.finding.code).toBe('PROVIDER_WORKSPACE_NOT_OWNED');
  });

  it('a repository answer without its workspace ties nothing: a warning, no record', () => {
    const o = accessTokenOwnership({ type: 'repository' }, 'acme', undefined, new Date(NOW));
    expect(o.record).toBeUndefined();
    expect(o.finding.verdict).toBe('warn');
  });
});
