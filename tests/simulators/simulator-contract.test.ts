import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../main/services/clock/clock';
import { runCloudChecks } from '../../main/services/providers/bitbucket-cloud/cloud-checks';
import type { CloudCredential } from '../../main/services/providers/bitbucket-cloud/cloud-credential';
import { createDataCenterClient, type DataCenterCredential } from '../../main/services/providers/data-center/dc-client';
import { runDataCenterChecks } from '../../main/services/providers/data-center/dc-checks';
import { matchPath, responseSchema, validate, type OpenApiDoc } from '../support/openapi-validate';
import { cloudClientFor, NOW, recordingSleep, simHttp } from '../support/provider-harness';
// simInstanceCheck runs the real network-check service against the simulator; the answers it reads are
// the ones validated below against Atlassian's published OpenAPI (tests/fixtures/openapi/*.subset.json).
// Sources of those specs: Bitbucket Cloud https://developer.atlassian.com/cloud/bitbucket/swagger.v3.json,
// Bitbucket Data Center https://developer.atlassian.com/server/bitbucket/rest/ (the published OpenAPI download).
import { simInstanceCheck } from '../support/sim-providers';
import { startCloudSim, type CloudSim } from './bitbucket-cloud-sim';
import { SECRETS } from './cloud-sim-state';
import { DC_SECRETS, defaultDataCenterWorld, startDataCenterSim, type DataCenterSim } from './data-center-sim';
import type { Exchange } from './https-sim';

// The simulators answer what Atlassian's published schemas say, error bodies included: every
// exchange the clients caused is validated against tests/fixtures/openapi. A status the extract
// does not declare for that operation is validated against the document's own error schema and
// listed below, so a gap in the extract is visible rather than skipped. (No Jira extract ships
// with the test data; the Jira simulator follows the REST v2 reference and is checked by zod only.)

const fixture = (name: string): OpenApiDoc => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'openapi', name), 'utf8')) as OpenApiDoc;
const cloudDoc = fixture('bitbucket-cloud.subset.json');
const dcDoc = fixture('bitbucket-data-center.subset.json');

const CLOUD_ERROR = { $ref: '#/components/schemas/error' };
const DC_ERRORS = { type: 'object', properties: { errors: { type: 'array', items: { $ref: '#/components/schemas/RestErrorMessage' } } } };

let cloud: CloudSim;
let dc: DataCenterSim;
/** Two a page (the server's page cap): the project list and BIG's repositories take three pages each. */
let paged: DataCenterSim;
const PAGED_REPOS = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((slug, i) => [`BIG/${slug}`, { id: 40 + i, name: slug, public: false }]));
beforeAll(async () => {
  const world = defaultDataCenterWorld();
  [cloud, dc, paged] = await Promise.all([
    startCloudSim(),
    startDataCenterSim(),
    startDataCenterSim({ ...world, maxPageLimit: 2, repositories: { ...world.repositories, ...PAGED_REPOS, 'AAA/a': { id: 50, name: 'a', public: false }, 'BBB/b': { id: 51, name: 'b', public: false }, 'CCC/c': { id: 52, name: 'c', public: false } } }),
  ]);
  const now = () => new Date(NOW);
  const cloudRuns: Array<[CloudCredential, string, string]> = [
    [{ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiToken }, 'acme', 'payments'],
    [{ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiToken }, 'acme', 'ledger'],
    [{ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiToken }, 'acme', 'legacy'],
    [{ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiToken }, 'partner', 'shared'],
    [{ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiToken }, 'acme', 'missing'],
    [{ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiTokenNoIssue }, 'acme', 'legacy'],
    [{ method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiTokenNoRepo }, 'acme', 'legacy'],
    [{ method: 'api_token', email: 'eve@elsewhere.example', token: SECRETS.eveToken }, 'acme', 'payments'],
    [{ method: 'access_token', token: SECRETS.accessToken }, 'acme', 'payments'],
    [{ method: 'api_token', email: 'dana@acme.example', token: 'wrong' }, 'acme', 'payments'],
    [{ method: 'app_password', username: 'dana', password: SECRETS.appPassword }, 'acme', 'payments'],
  ];
  for (const [credential, workspace, repositorySlug] of cloudRuns) {
    await runCloudChecks(cloudClientFor(cloud, credential), { workspace, repositorySlug, authMethod: credential.method }, now);
  }
  cloud.world.rateLimit = { remaining: 2, retryAfter: '1' };
  await runCloudChecks(cloudClientFor(cloud, cloudRuns[0]?.[0] as CloudCredential), { workspace: 'acme', repositorySlug: 'payments', authMethod: 'api_token' }, now);
  const dcRuns: Array<[DataCenterCredential, string]> = [
    [{ method: 'http_access_token', token: DC_SECRETS.token }, 'payments'],
    [{ method: 'basic', username: 'dana', password: DC_SECRETS.password }, 'docs'],
    [{ method: 'http_access_token', token: DC_SECRETS.token }, 'missing'],
    [{ method: 'http_access_token', token: DC_SECRETS.readOnlyToken }, 'payments'],
    [{ method: 'http_access_token', token: 'wrong' }, 'payments'],
  ];
  for (const [credential, slug] of dcRuns) {
    const client = createDataCenterClient({ http: simHttp(dc), baseUrl: dc.baseUrl, credential, clock: fixedClock(NOW), sleep: recordingSleep().sleep });
    await runDataCenterChecks(client, await simInstanceCheck(dc, NOW), { projectKey: 'SEC', repositorySlug: slug, authMethod: credential.method }, now);
  }
  // The lists the wizard's suggestions read, through the app's own client (which asks limit=100:
  // the paged simulator caps it at 2): one page on the default world, three on the paged one, and
  // a project that does not exist.
  for (const sim of [dc, paged]) {
    const client = createDataCenterClient({ http: simHttp(sim), baseUrl: sim.baseUrl, credential: { method: 'http_access_token', token: DC_SECRETS.token }, clock: fixedClock(NOW), sleep: recordingSleep().sleep });
    await client.projects(10);
    await client.repositories(sim === paged ? 'BIG' : 'SEC', 10);
    await client.repositories('NOPE', 10);
  }
});
afterAll(async () => {
  await Promise.all([cloud.close(), dc.close(), paged.close()]);
});

interface Checked {
  readonly route: string;
  readonly status: number;
  readonly declared: boolean;
  readonly errors: string[];
}

const check = (doc: OpenApiDoc, e: Exchange, path: string, fallback: Record<string, unknown>): Checked => {
  const template = matchPath(doc, path);
  if (template === undefined) return { route: path, status: e.answer.status, declared: false, errors: [`no operation in the extract for ${path}`] };
  const declared = responseSchema(doc, template, e.request.method, e.answer.status);
  const schema = declared ?? fallback;
  return { route: `${e.request.method} ${template}`, status: e.answer.status, declared: declared !== undefined, errors: validate(doc, schema, e.answer.body) };
};

const summary = (rows: Checked[]): string[] => [...new Set(rows.map((r) => `${r.route} ${r.status}${r.declared ? '' : ' (undeclared: error schema)'}`))].sort();

describe('Bitbucket Cloud simulator vs bitbucket-cloud.subset.json', () => {
  const rows = (): Checked[] =>
    cloud.exchanges.filter((e) => e.request.path.startsWith('/2.0/')).map((e) => check(cloudDoc, e, e.request.path.slice('/2.0'.length), CLOUD_ERROR));

  it('every answer, success and error, validates', () => {
    const bad = rows().filter((r) => r.errors.length > 0);
    expect(bad).toEqual([]);
  });

  it('covers every route and status the client reads', () => {
    expect(summary(rows())).toEqual([
      'GET /repositories/{workspace}/{repo_slug} 200',
      'GET /repositories/{workspace}/{repo_slug} 403',
      'GET /repositories/{workspace}/{repo_slug} 404',
      'GET /repositories/{workspace}/{repo_slug}/components 200',
      'GET /repositories/{workspace}/{repo_slug}/components 403 (undeclared: error schema)',
      'GET /repositories/{workspace}/{repo_slug}/issues 404',
      'GET /repositories/{workspace}/{repo_slug}/issues 410 (undeclared: error schema)',
      'GET /user 200',
      'GET /user 401',
      'GET /user 403 (undeclared: error schema)',
      'GET /user 429 (undeclared: error schema)',
      'GET /user/workspaces/{workspace}/permission 200',
      'GET /user/workspaces/{workspace}/permission 403',
    ]);
  });

  it('a body that breaks the schema is caught (the validator bites)', () => {
    const e = cloud.exchanges.find((x) => x.request.path === '/2.0/user' && x.answer.status === 200);
    if (e === undefined) throw new Error('no /user answer recorded');
    const broken: Exchange = { ...e, answer: { ...e.answer, body: { display_name: 42 } } };
    expect(check(cloudDoc, broken, '/user', CLOUD_ERROR).errors.length).toBeGreaterThan(0);
    const badError: Exchange = { ...e, answer: { status: 404, body: { type: 'error', error: { detail: 'no message' } } } };
    expect(check(cloudDoc, badError, '/repositories/a/b', CLOUD_ERROR).errors).toContain('$.error.message: required');
  });
});

/** The path as the extract names it: context path and `/rest` off, `1.0` read as `latest` (the same API). */
const dcPath = (sim: DataCenterSim, e: Exchange): string => e.request.path.slice(sim.world.contextPath.length).replace(/^\/rest/, '').replace('/api/1.0/', '/api/latest/');

describe('Bitbucket Data Center simulator vs bitbucket-data-center.subset.json', () => {
  const rows = (): Checked[] => [dc, paged].flatMap((sim) => sim.exchanges.map((e) => check(dcDoc, e, dcPath(sim, e), DC_ERRORS)));

  it('every answer, success and error, validates', () => {
    expect(rows().filter((r) => r.errors.length > 0)).toEqual([]);
  });

  it('covers every route and status the client reads', () => {
    expect(summary(rows())).toEqual([
      'GET /api/latest/application-properties 200',
      'GET /api/latest/application-properties 401 (undeclared: error schema)',
      'GET /api/latest/projects 200',
      'GET /api/latest/projects/{projectKey}/repos 200',
      'GET /api/latest/projects/{projectKey}/repos 404',
      'GET /api/latest/projects/{projectKey}/repos/{repositorySlug} 200',
      'GET /api/latest/projects/{projectKey}/repos/{repositorySlug} 403 (undeclared: error schema)',
      'GET /api/latest/projects/{projectKey}/repos/{repositorySlug} 404',
    ]);
  });

  /** The 200 pages one list answered on the paged simulator, in the order they were asked. */
  const pagesOf = (path: string) =>
    paged.exchanges
      .filter((e) => dcPath(paged, e) === path && e.answer.status === 200)
      .map((e) => ({ asked: { start: e.request.query.get('start'), limit: e.request.query.get('limit') }, body: e.answer.body as Record<string, unknown>, errors: check(dcDoc, e, path, DC_ERRORS).errors }));

  it.each([
    ['getProjects', '/api/latest/projects', ['AAA', 'BBB', 'BIG', 'CCC', 'SEC'], 'key'],
    ['getRepositories', '/api/latest/projects/BIG/repos', ['a', 'b', 'c', 'd', 'e'], 'slug'],
  ] as const)('%s: the first page, a middle page with nextPageStart and the last page each validate, and follow on', (_op, path, all, field) => {
    const pages = pagesOf(path);
    expect(pages.map((p) => p.errors)).toEqual([[], [], []]);
    // The app asked 100 a page; the server applied its cap (2) and said so in `limit`.
    expect(pages.map((p) => p.asked)).toEqual([
      { start: '0', limit: '100' },
      { start: '2', limit: '100' },
      { start: '4', limit: '100' },
    ]);
    expect(pages.map((p) => [p.body.start, p.body.limit, p.body.size, p.body.isLastPage, p.body.nextPageStart])).toEqual([
      [0, 2, 2, false, 2],
      [2, 2, 2, false, 4],
      [4, 2, all.length - 4, true, undefined],
    ]);
    expect(pages.flatMap((p) => (p.body.values as Array<Record<string, unknown>>).map((v) => v[field]))).toEqual(all);
  });

  it("a project that does not exist answers the declared 404 with Atlassian's error body", () => {
    const e = paged.exchanges.find((x) => dcPath(paged, x) === '/api/latest/projects/NOPE/repos');
    if (e === undefined) throw new Error('no answer for NOPE recorded');
    expect(check(dcDoc, e, dcPath(paged, e), DC_ERRORS)).toEqual({ route: 'GET /api/latest/projects/{projectKey}/repos', status: 404, declared: true, errors: [] });
    expect(e.answer.body).toEqual({ errors: [{ message: 'Project NOPE does not exist.', exceptionName: 'com.atlassian.bitbucket.project.NoSuchProjectException' }] });
  });

  it('a list page that breaks the schema is caught (the validator bites)', () => {
    const e = paged.exchanges.find((x) => dcPath(paged, x) === '/api/latest/projects' && x.answer.status === 200);
    if (e === undefined) throw new Error('no project page recorded');
    const body = e.answer.body as Record<string, unknown>;
    const broken: Exchange = { ...e, answer: { ...e.answer, body: { ...body, isLastPage: 'no', nextPageStart: 2.5, values: [{ key: 7 }] } } };
    expect(check(dcDoc, broken, '/api/latest/projects', DC_ERRORS).errors.sort()).toEqual(['$.isLastPage: expected boolean', '$.nextPageStart: expected integer', '$.values[0].key: expected string']);
  });
});
