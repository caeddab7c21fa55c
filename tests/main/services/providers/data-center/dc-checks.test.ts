import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../main/services/clock/clock';
import { createDataCenterClient, type DataCenterCredential } from '../../../../../main/services/providers/data-center/dc-client';
import { runDataCenterChecks } from '../../../../../main/services/providers/data-center/dc-checks';
import { DataCenterTarget } from '../../../../../shared/domain/target';
import { DC_SECRETS, startDataCenterSim, type DataCenterSim } from '../../../../simulators/data-center-sim';
import { dataCenterTarget } from '../../../../support/domain-builders';
import { NOW, recordingSleep, simHttp } from '../../../../support/provider-harness';
import { simInstanceCheck } from '../../../../support/sim-providers';

let sim: DataCenterSim;
beforeAll(async () => {
  sim = await startDataCenterSim();
});
afterAll(async () => sim.close());

const bearer: DataCenterCredential = { method: 'http_access_token', token: DC_SECRETS.token };
const basic: DataCenterCredential = { method: 'basic', username: 'dana', password: DC_SECRETS.password };
const clientFor = (credential: DataCenterCredential) =>
  createDataCenterClient({ http: simHttp(sim), baseUrl: sim.baseUrl, credential, clock: fixedClock(NOW), sleep: recordingSleep().sleep });
const run = async (credential: DataCenterCredential, repositorySlug = 'payments') =>
  runDataCenterChecks(clientFor(credential), await simInstanceCheck(sim, NOW), { projectKey: 'SEC', repositorySlug, authMethod: credential.method }, () => new Date(NOW));

describe('Bitbucket Data Center checks', () => {
  it('identifies the instance from application-properties (context path kept)', async () => {
    const r = await run(bearer);
    expect(r.checks.network).toMatchObject({ status: 'reached', api_root: { version: '9.4.1', buildNumber: '9004001', displayName: 'Bitbucket' } });
    expect(sim.exchanges.some((e) => e.request.path === '/bitbucket/rest/api/1.0/application-properties')).toBe(true);
  });

  it.each([
    ['Bearer (HTTP access token)', bearer, `Bearer ${DC_SECRETS.token}`],
    ['basic', basic, `Basic ${Buffer.from(`dana:${DC_SECRETS.password}`).toString('base64')}`],
  ] as const)('%s: user read from X-AUSERNAME, repository found and private', async (_n, credential, header) => {
    const r = await run(credential);
    expect(r.checks.auth).toMatchObject({ status: 'ok', identity: { username: 'dana' } });
    expect(r.checks.repository).toMatchObject({ status: 'found', is_private: true });
    expect(sim.exchanges.some((e) => e.request.headers.authorization === header)).toBe(true);
  });

  it.each([
    ['Bearer', { method: 'http_access_token', token: 'BBDC-wrong' }],
    ['basic', { method: 'basic', username: 'dana', password: 'wrong' }],
  ] as const)('a 401 for a wrong %s credential → PROVIDER_AUTH_REQUIRED', async (_n, credential) => {
    const r = await run(credential);
    expect(r.checks.auth).toMatchObject({ status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED' });
    expect(r.findings.find((f) => f.id === 'auth')?.evidence).toMatchObject({ http_status: 401 });
  });

  it('a 403 on the repository → forbidden, PROVIDER_SCOPE_UNAVAILABLE', async () => {
    const r = await run({ method: 'http_access_token', token: DC_SECRETS.readOnlyToken });
    expect(r.checks.auth?.status).toBe('ok');
    expect(r.checks.repository?.status).toBe('forbidden');
    expect(r.findings.find((f) => f.id === 'repository')).toMatchObject({ code: 'PROVIDER_SCOPE_UNAVAILABLE', evidence: { http_status: 403 } });
  });

  it.each([
    ['a query', '?tab=repos'],
    ['a fragment', '#overview'],
    ['a query and a fragment, and a trailing slash', '/?tab=repos#overview'],
  ])('a base URL with %s still reaches the API path: the client builds on the normalised URL', async (_n, suffix) => {
    const before = sim.exchanges.length;
    const client = createDataCenterClient({ http: simHttp(sim), baseUrl: `${sim.baseUrl}${suffix}`, credential: bearer, clock: fixedClock(NOW), sleep: recordingSleep().sleep });
    expect(await client.authenticatedUser()).toMatchObject({ ok: true });
    expect(await client.repository('SEC', 'payments')).toMatchObject({ ok: true, value: { slug: 'payments' } });
    expect(sim.exchanges.slice(before).map((e) => e.request.path)).toEqual([
      '/bitbucket/rest/api/1.0/application-properties',
      '/bitbucket/rest/api/1.0/projects/SEC/repos/payments',
    ]);
  });

  it('repository missing → PROVIDER_RESOURCE_NOT_FOUND', async () => {
    const r = await run(bearer, 'nope');
    expect(r.checks.repository?.status).toBe('missing');
    expect(r.findings.find((f) => f.id === 'repository')?.code).toBe('PROVIDER_RESOURCE_NOT_FOUND');
  });
});

describe('no code path can create a native Data Center issue', () => {
  it('the client has no issue method', () => {
    const methods = Object.keys(clientFor(bearer));
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.filter((m) => /issue/i.test(m))).toEqual([]);
  });

  it('a full check run sends nothing to an issue endpoint and records no issue tracking', async () => {
    const before = sim.exchanges.length;
    const r = await run(bearer);
    expect(sim.exchanges.slice(before).filter((e) => /issue/i.test(e.request.path))).toEqual([]);
    expect(sim.exchanges.slice(before).every((e) => e.request.method === 'GET')).toBe(true);
    expect(r.checks.issue_tracking).toBeUndefined();
  });

  it('the target schema refuses issue_workflow native for Data Center', () => {
    expect(DataCenterTarget.safeParse({ ...dataCenterTarget(), issue_workflow: 'native' }).success).toBe(false);
    // @ts-expect-error — 'native' is not a Data Center issue workflow at the type level either.
    const t: DataCenterTarget = { ...dataCenterTarget(), issue_workflow: 'native' };
    expect(t.provider_key).toBe('bitbucket_data_center_issues');
  });
});
