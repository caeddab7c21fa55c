import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderOptions } from '../../../../shared/contract/provider-options';
import type { TargetRecord } from '../../../../shared/contract/targets';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { DC_SECRETS, defaultDataCenterWorld, startDataCenterSim, type DataCenterSim } from '../../../simulators/data-center-sim';
import type { RunningSim } from '../../../simulators/https-sim';
import { JIRA_SECRETS, startJiraSim, type JiraSim, type JiraSimProject } from '../../../simulators/jira-sim';
import { dataCenterDraft, okValue } from '../../../support/atlassian-sims';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { testApiEach } from '../../../support/test-api';

// The dropdowns of issue 14: the provider's projects, repositories and issue types for a saved
// target, with its keychain credential, against the simulators. Paging across pages, the cap,
// refusals, a credential withheld from a re-pointed target, and hostile names.

/** A name a hostile server might send: bidi override, zero-width space, escape sequence, newline, and the caller's own token. */
const HOSTILE_CHARACTERS = ['\u202E', '\u200B', '\u001b', '\u0007', '\n'];
const hostile = (token: string) => `Pay\u202Ements\u200B\u001b]0;owned\u0007\nteam ${token} ${'x'.repeat(400)}`;

const manyRepos = (projects: number): DataCenterSim['world']['repositories'] =>
  Object.fromEntries(Array.from({ length: projects }, (_, i) => [`P${String(i).padStart(4, '0')}/repo`, { id: 1000 + i, name: 'repo', public: false }]));

let cloud: CloudSim;
let dc: DataCenterSim;
let paged: DataCenterSim;
let huge: DataCenterSim;
let evil: DataCenterSim;
let jira: JiraSim;
let bigJira: JiraSim;
let evilJira: JiraSim;

const jiraProjects = (n: number): Record<string, JiraSimProject> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`K${String(i).padStart(4, '0')}`, { id: String(20000 + i), name: `Project ${i}`, types: [] }]));

beforeAll(async () => {
  const base = defaultDataCenterWorld();
  [cloud, dc, paged, huge, evil, jira, bigJira, evilJira] = await Promise.all([
    startCloudSim(),
    startDataCenterSim({ ...base, projectNames: { SEC: hostile(DC_SECRETS.token) } }),
    // Five projects, two a page: the list takes three pages.
    startDataCenterSim({ ...base, maxPageLimit: 2, repositories: { ...base.repositories, 'AAA/a': { id: 21, name: 'a', public: false }, 'BBB/b': { id: 22, name: 'b', public: false }, 'CCC/c': { id: 23, name: 'c', public: false }, 'DDD/d': { id: 24, name: 'd', public: false } } }),
    startDataCenterSim({ ...base, repositories: manyRepos(1005) }),
    startDataCenterSim(),
    startJiraSim({ projects: { HOST: { id: '30000', name: hostile(JIRA_SECRETS.cloudToken), types: [{ id: '1', name: 'Task' }, { id: '2', name: 'Sub-task', subtask: true }] } } }),
    startJiraSim({ projects: jiraProjects(1010) }),
    startJiraSim(),
  ]);
});
afterAll(async () => {
  await Promise.all([cloud, dc, paged, huge, evil, jira, bigJira, evilJira].map((s) => s.close()));
});

const authHeaders = (sim: RunningSim): number => sim.exchanges.filter((e) => e.request.headers['authorization'] !== undefined).length;
const requestsTo = (sim: RunningSim, path: RegExp): number => sim.exchanges.filter((e) => path.test(e.request.path)).length;

const apiEach = testApiEach();
const setup = async (opts: { dcSim?: DataCenterSim; token?: string | null; jira?: Record<string, unknown>; jiraSecret?: string } = {}) => {
  const keychain = memorySecretStore();
  const t = apiEach({ secrets: keychain.store, network: simNetwork(cloud.caCert), providers: simProviders(cloud, [opts.dcSim ?? dc, jira]) });
  const draft = { ...dataCenterDraft((opts.dcSim ?? dc).baseUrl), ...(opts.jira === undefined ? {} : { jira: opts.jira }) };
  const saved = okValue<TargetRecord>(await t.api.call('targets.save', { target: draft }));
  const id = saved.target.id;
  if (opts.token !== null) okValue(await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: opts.token ?? DC_SECRETS.token }));
  if (opts.jiraSecret !== undefined) okValue(await t.api.call('credentials.store', { target_id: id, kind: 'jira', secret: opts.jiraSecret }));
  /** Points the stored target elsewhere behind the API (the settings file edited), the keychain untouched. */
  const repoint = async (change: Record<string, unknown>) => {
    const data = await t.deps.settings.read();
    if (!data.ok) throw new Error(data.error.message);
    const moved = data.value.targets.map((s) => (s.target.id === id ? { ...s, target: { ...s.target, ...change } } : s));
    await t.deps.settings.write({ ...data.value, targets: moved } as typeof data.value);
  };
  return { ...t, id, repoint };
};

/** Each call is refused as withheld, naming the origin the credential was entered for. */
const expectWithheld = async (t: Awaited<ReturnType<typeof setup>>, calls: ReadonlyArray<readonly [string, Record<string, unknown>]>) => {
  for (const [method, input] of calls) {
    const r = await t.api.call(method, input);
    expect(!r.ok && r.error.code).toBe('PROVIDER_AUTH_REQUIRED');
    expect(!r.ok && r.error.message).toMatch(/was not sent: it was entered for/);
  }
};

const CLOUD_JIRA = (sim: JiraSim) => ({ flavor: 'cloud', base_url: sim.siteUrl, auth_method: 'api_token', account_email: 'dana@acme.example' });
const DC_JIRA = (sim: JiraSim) => ({ flavor: 'data_center', base_url: sim.dcBaseUrl, auth_method: 'personal_access_token' });

describe('options.dataCenterProjects and options.dataCenterRepositories', () => {
  it('reads every page of the project list (two a page: three pages) and answers key and name', async () => {
    const t = await setup({ dcSim: paged });
    const before = requestsTo(paged, /\/rest\/api\/1\.0\/projects$/);
    const r = okValue<ProviderOptions>(await t.api.call('options.dataCenterProjects', { target_id: t.id }));
    expect(r.items.map((i) => i.key)).toEqual(['AAA', 'BBB', 'CCC', 'DDD', 'SEC']);
    expect(r.truncated).toBe(false);
    expect(requestsTo(paged, /\/rest\/api\/1\.0\/projects$/) - before).toBe(3);
  });

  it('stops at 1,000 projects and says the list was truncated', async () => {
    const t = await setup({ dcSim: huge });
    const r = okValue<ProviderOptions>(await t.api.call('options.dataCenterProjects', { target_id: t.id }));
    expect(r.items).toHaveLength(1000);
    expect(r.truncated).toBe(true);
    expect(r.items[999]?.key).toBe('P0999');
  });

  it("lists a project's repositories the credential may read (a repository it may not read is left out)", async () => {
    const t = await setup();
    const all = okValue<ProviderOptions>(await t.api.call('options.dataCenterRepositories', { target_id: t.id, project_key: 'SEC' }));
    expect(all.items).toEqual([
      { key: 'payments', name: 'payments' },
      { key: 'docs', name: 'docs' },
    ]);
    const readOnly = await setup({ token: DC_SECRETS.readOnlyToken });
    const some = okValue<ProviderOptions>(await readOnly.api.call('options.dataCenterRepositories', { target_id: readOnly.id, project_key: 'SEC' }));
    expect(some.items.map((i) => i.key)).toEqual(['docs']);
  });

  it('a project that does not exist is PROVIDER_RESOURCE_NOT_FOUND with the HTTP status', async () => {
    const t = await setup();
    const r = await t.api.call('options.dataCenterRepositories', { target_id: t.id, project_key: 'NOPE' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('PROVIDER_RESOURCE_NOT_FOUND');
    expect(r.error.details).toMatchObject({ http_status: 404 });
  });

  it.each([
    ['a token the instance refuses (401)', 'BBDC-not-a-token-of-this-instance', 'PROVIDER_AUTH_REQUIRED', /401|refused|not accepted|credential/i],
    ['no stored credential', null, 'PROVIDER_AUTH_REQUIRED', /No Bitbucket Data Center credential is stored/],
  ] as const)('%s: %s', async (_label, token, code, message) => {
    const t = await setup({ token });
    const before = authHeaders(dc);
    const r = await t.api.call('options.dataCenterProjects', { target_id: t.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(message);
    if (token === null) expect(authHeaders(dc)).toBe(before);
  });

  it('withholds the credential from a target re-pointed behind the API: no Authorization header reaches the new host', async () => {
    const t = await setup();
    await t.repoint({ base_url: evil.baseUrl });
    const before = authHeaders(evil);
    await expectWithheld(t, [
      ['options.dataCenterProjects', { target_id: t.id }],
      ['options.dataCenterRepositories', { target_id: t.id, project_key: 'SEC' }],
    ]);
    expect(authHeaders(evil)).toBe(before);
    expect(evil.exchanges.every((e) => !JSON.stringify(e.request).includes(DC_SECRETS.token))).toBe(true);
  });

  it('an instance that is not reachable any more is a coded failure, not an exception', async () => {
    const gone = await startDataCenterSim();
    const t = await setup({ dcSim: gone });
    await gone.close();
    const r = await t.api.call('options.dataCenterProjects', { target_id: t.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The URL-safety client's TCP stage refuses it, as it does for the checks.
    expect(r.error.code).toBe('PROVIDER_BASE_URL_BLOCKED');
    expect(r.error.message).toMatch(/unreachable|refused|connect/i);
  });

  it('a hostile project name arrives scrubbed: no secret, no control or bidi character, one line, capped', async () => {
    const t = await setup();
    const r = okValue<ProviderOptions>(await t.api.call('options.dataCenterProjects', { target_id: t.id }));
    const name = r.items.find((i) => i.key === 'SEC')?.name ?? '';
    expect(name.startsWith('Payments]0;owned team [redacted] xxx')).toBe(true);
    expect(name).not.toContain(DC_SECRETS.token);
    for (const c of HOSTILE_CHARACTERS) expect(name).not.toContain(c);
    expect(name.length).toBe(200);
  });
});

describe('options.jiraProjects and options.jiraIssueTypes', () => {
  it('Jira Cloud: follows /project/search page after page (50 a page) up to 1,000, then says truncated', async () => {
    const t = await setup({ jira: CLOUD_JIRA(bigJira), jiraSecret: JIRA_SECRETS.cloudToken });
    const before = requestsTo(bigJira, /\/rest\/api\/2\/project\/search$/);
    const r = okValue<ProviderOptions>(await t.api.call('options.jiraProjects', { target_id: t.id }));
    expect(r.items).toHaveLength(1000);
    expect(r.truncated).toBe(true);
    expect(requestsTo(bigJira, /\/rest\/api\/2\/project\/search$/) - before).toBe(20);
  });

  it('Jira Cloud: a short list ends on the page that says isLast', async () => {
    const t = await setup({ jira: CLOUD_JIRA(evilJira), jiraSecret: JIRA_SECRETS.cloudToken });
    const r = okValue<ProviderOptions>(await t.api.call('options.jiraProjects', { target_id: t.id }));
    expect(r).toEqual({ items: [{ key: 'PLAT', name: 'Platform' }, { key: 'SEC', name: 'Security' }], truncated: false });
  });

  it('Jira Data Center: reads /rest/api/2/project (one answer, no paging) with the personal access token', async () => {
    const t = await setup({ jira: DC_JIRA(jira), jiraSecret: JIRA_SECRETS.dcPat });
    const r = okValue<ProviderOptions>(await t.api.call('options.jiraProjects', { target_id: t.id }));
    expect(r.items.map((i) => i.key).sort()).toEqual(['HOST', 'PLAT', 'SEC']);
    expect(jira.exchanges.some((e) => e.request.path === '/jira/rest/api/2/project')).toBe(true);
  });

  it.each([
    ['Cloud', CLOUD_JIRA, JIRA_SECRETS.cloudToken],
    ['Data Center', DC_JIRA, JIRA_SECRETS.dcPat],
  ] as const)('%s: issue types across two pages of create metadata (56 types), sub-tasks left out', async (_label, handoff, secret) => {
    const t = await setup({ jira: handoff(jira), jiraSecret: secret });
    const plat = okValue<ProviderOptions>(await t.api.call('options.jiraIssueTypes', { target_id: t.id, project_key: 'PLAT' }));
    expect(plat.items).toHaveLength(56);
    expect(plat.items.at(-1)).toEqual({ key: 'Security Finding', name: 'Security Finding' });
    const host = okValue<ProviderOptions>(await t.api.call('options.jiraIssueTypes', { target_id: t.id, project_key: 'HOST' }));
    expect(host.items.map((i) => i.key)).toEqual(['Task']);
  });

  it('a Jira project that does not exist is PROVIDER_RESOURCE_NOT_FOUND', async () => {
    const t = await setup({ jira: CLOUD_JIRA(jira), jiraSecret: JIRA_SECRETS.cloudToken });
    const r = await t.api.call('options.jiraIssueTypes', { target_id: t.id, project_key: 'NOPE' });
    expect(!r.ok && r.error.code).toBe('PROVIDER_RESOURCE_NOT_FOUND');
  });

  it('a token Jira refuses (401) is PROVIDER_AUTH_REQUIRED; no token stored sends nothing', async () => {
    const refused = await setup({ jira: CLOUD_JIRA(jira), jiraSecret: 'ATATT3xFfGF0-wrong-token' });
    const r = await refused.api.call('options.jiraProjects', { target_id: refused.id });
    expect(!r.ok && r.error.code).toBe('PROVIDER_AUTH_REQUIRED');
    const none = await setup({ jira: CLOUD_JIRA(jira) });
    const before = authHeaders(jira);
    const n = await none.api.call('options.jiraProjects', { target_id: none.id });
    expect(!n.ok && n.error.message).toBe('No Jira credential is stored for this target.');
    expect(authHeaders(jira)).toBe(before);
  });

  it('withholds the Jira token from a Jira URL re-pointed behind the API', async () => {
    const t = await setup({ jira: DC_JIRA(jira), jiraSecret: JIRA_SECRETS.dcPat });
    await t.repoint({ jira: DC_JIRA(evilJira) });
    const before = authHeaders(evilJira);
    await expectWithheld(t, [
      ['options.jiraProjects', { target_id: t.id }],
      ['options.jiraIssueTypes', { target_id: t.id, project_key: 'SEC' }],
    ]);
    expect(authHeaders(evilJira)).toBe(before);
  });

  it('a target without a Jira handoff is JIRA_HANDOFF_UNAVAILABLE', async () => {
    const t = await setup();
    const r = await t.api.call('options.jiraProjects', { target_id: t.id });
    expect(!r.ok && r.error.code).toBe('JIRA_HANDOFF_UNAVAILABLE');
  });

  it('a hostile Jira project name arrives scrubbed of the token and of control and bidi characters', async () => {
    const t = await setup({ jira: CLOUD_JIRA(jira), jiraSecret: JIRA_SECRETS.cloudToken });
    const r = okValue<ProviderOptions>(await t.api.call('options.jiraProjects', { target_id: t.id }));
    const name = r.items.find((i) => i.key === 'HOST')?.name ?? '';
    expect(name).not.toContain(JIRA_SECRETS.cloudToken);
    expect(name).toContain('[redacted]');
    for (const c of HOSTILE_CHARACTERS) expect(name).not.toContain(c);
    expect(name.length).toBeLessThanOrEqual(200);
  });
});
