import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderOptions } from '../../../../shared/contract/provider-options';
import { describeError } from '../../../../shared/errors/catalog';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { DC_SECRETS, defaultDataCenterWorld, startDataCenterSim, type DataCenterSim } from '../../../simulators/data-center-sim';
import { JIRA_SECRETS, startJiraSim, type JiraSim } from '../../../simulators/jira-sim';
import { dataCenterDraft, okValue } from '../../../support/atlassian-sims';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { expectUsageError } from '../cli-expect';
import { fakeIO } from '../fake-io';

// `options`: the contract's provider lists (options.*) on the command line, for a target saved
// as the wizard saves it, with its credential in the (test) keychain, against the Data Center and
// Jira simulators. Through the CLI runner, as a user runs it.

/** Any C0/C1 control, zero-width or bidi character (shared/domain/hidden-characters.ts), raw. */
const RAW_HIDDEN = /[\p{Cc}\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
/** A project name built to drive a terminal: bidi override, zero-width space, OSC title, BEL, newline. */
const HOSTILE_NAME = 'Pay\u202Ements\u200B\u001b]0;owned\u0007\nteam';

let cloud: CloudSim;
let dc: DataCenterSim;
let paged: DataCenterSim;
let huge: DataCenterSim;
let jira: JiraSim;

const base = defaultDataCenterWorld();
beforeAll(async () => {
  [cloud, dc, paged, huge, jira] = await Promise.all([
    startCloudSim(),
    startDataCenterSim({ ...base, projectNames: { SEC: HOSTILE_NAME } }),
    // Five projects, two a page (the server's page cap): three pages.
    startDataCenterSim({
      ...base,
      maxPageLimit: 2,
      projectNames: { AAA: 'Alpha', BBB: 'Bravo', CCC: 'Charlie', DDD: 'Delta', SEC: 'Security' },
      repositories: { ...base.repositories, 'AAA/a': { id: 21, name: 'a', public: false }, 'BBB/b': { id: 22, name: 'b', public: false }, 'CCC/c': { id: 23, name: 'c', public: false }, 'DDD/d': { id: 24, name: 'd', public: false } },
    }),
    startDataCenterSim({ ...base, repositories: Object.fromEntries(Array.from({ length: 1005 }, (_, i) => [`P${String(i).padStart(4, '0')}/repo`, { id: 1000 + i, name: 'repo', public: false }])) }),
    startJiraSim(),
  ]);
});
afterAll(async () => {
  await Promise.all([cloud, dc, paged, huge, jira].map((s) => s.close()));
});

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
/** Every line any run wrote; the last test looks for the secrets in them. */
const written: string[] = [];

/** The CLI over an app whose providers are the simulators, with one Data Center target saved and its token (and a Jira token) stored. */
const cliWithTarget = async (sim: DataCenterSim = dc) => {
  const f = fakeIO({}, { network: simNetwork(cloud.caCert), providers: simProviders(cloud, [sim, jira]) });
  cleanups.push(f.cleanup);
  const client = f.io.client();
  const jiraHandoff = { flavor: 'cloud', base_url: jira.siteUrl, auth_method: 'api_token', account_email: 'dana@acme.example' };
  const draft = { ...dataCenterDraft(sim.baseUrl), jira: jiraHandoff } as Parameters<typeof client['targets.save']>[0]['target'];
  const saved = okValue<{ target: { id: string } }>(await client['targets.save']({ target: draft }));
  const id = saved.target.id;
  okValue(await client['credentials.store']({ target_id: id, kind: 'bitbucket', secret: DC_SECRETS.token }));
  okValue(await client['credentials.store']({ target_id: id, kind: 'jira', secret: JIRA_SECRETS.cloudToken }));
  const run = async (args: string[]) => {
    const r = await f.run(['options', ...args]);
    written.push(...r.out, ...r.err);
    return r;
  };
  return { id, run };
};

const projectsAsked = (sim: DataCenterSim): number => sim.exchanges.filter((e) => /\/rest\/api\/1\.0\/projects$/.test(e.request.path)).length;

describe('bitbucket-target options <list> --target ID', () => {
  it('data-center-projects: every page read (two a page, three pages), key and name per line, exit 0', async () => {
    const t = await cliWithTarget(paged);
    const before = projectsAsked(paged);
    const r = await t.run(['data-center-projects', '--target', t.id]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['AAA  Alpha', 'BBB  Bravo', 'CCC  Charlie', 'DDD  Delta', 'SEC  Security']);
    expect(r.err).toEqual([]);
    expect(projectsAsked(paged) - before).toBe(3);
  });

  it('data-center-repositories --project SEC: the repositories of that project', async () => {
    const t = await cliWithTarget();
    const r = await t.run(['data-center-repositories', '--target', t.id, '--project', 'SEC']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['payments  payments', 'docs      docs']);
  });

  it('--json: one line, the ProviderOptions as the contract answers them', async () => {
    const t = await cliWithTarget(paged);
    const r = await t.run(['data-center-repositories', '--target', t.id, '--project', 'AAA', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0] ?? '') as ProviderOptions).toEqual({ items: [{ key: 'a', name: 'a' }], truncated: false });
  });

  it('jira-projects and jira-issue-types --project PLAT (two pages of create metadata, 56 types)', async () => {
    const t = await cliWithTarget();
    const projects = await t.run(['jira-projects', '--target', t.id]);
    expect(projects.code).toBe(0);
    expect(projects.out).toEqual(['PLAT  Platform', 'SEC   Security']);
    const types = await t.run(['jira-issue-types', '--target', t.id, '--project', 'PLAT', '--json']);
    expect(types.code).toBe(0);
    const parsed = JSON.parse(types.out[0] ?? '') as ProviderOptions;
    expect(parsed.items).toHaveLength(56);
    expect(parsed.items.at(-1)).toEqual({ key: 'Security Finding', name: 'Security Finding' });
  });

  it('a list cut at 1,000 says so on stderr, stdout keeps only the items', async () => {
    const t = await cliWithTarget(huge);
    const r = await t.run(['data-center-projects', '--target', t.id]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1000);
    expect(r.out[999]).toBe('P0999  P0999');
    expect(r.err).toEqual(['(truncated: the provider holds more)']);
    const json = await t.run(['data-center-projects', '--target', t.id, '--json']);
    expect((JSON.parse(json.out[0] ?? '') as ProviderOptions).truncated).toBe(true);
  });

  it('a page that says more remain but not where they start: the pages read, said to be truncated (not a complete list)', async () => {
    const broken = await startDataCenterSim({ ...base, maxPageLimit: 2, withoutNextPageStart: true, repositories: paged.world.repositories });
    try {
      const t = await cliWithTarget(broken);
      const r = await t.run(['data-center-projects', '--target', t.id]);
      expect(r.code).toBe(0);
      expect(r.out).toEqual(['AAA  AAA', 'BBB  BBB']);
      expect(r.err).toEqual(['(truncated: the provider holds more)']);
    } finally {
      await broken.close();
    }
  });

  it.each([
    ['data-center-repositories without --project', ['data-center-repositories', '--target', '{id}'], /^bitbucket-target: data-center-repositories needs --project KEY/],
    ['jira-issue-types without --project', ['jira-issue-types', '--target', '{id}'], /^bitbucket-target: jira-issue-types needs --project KEY/],
    ['--project on a list of the whole instance', ['data-center-projects', '--target', '{id}', '--project', 'SEC'], /data-center-projects takes no --project \(only data-center-repositories and jira-issue-types do\)/],
    ['an unknown list name', ['dc-projects', '--target', '{id}'], /unknown list 'dc-projects': choose one of data-center-projects, data-center-repositories, jira-projects, jira-issue-types/],
    ['no list named', ['--target', '{id}'], /name the list: one of data-center-projects, data-center-repositories, jira-projects, jira-issue-types/],
    ['two lists named', ['jira-projects', 'data-center-projects', '--target', '{id}'], /one list at a time/],
    ['no --target', ['data-center-projects'], /--target ID is required/],
    ['a target id that is no id', ['data-center-projects', '--target', 'Payments Team'], /--target ID is not usable: lower-case letters, digits and hyphens/],
    ['an empty --project', ['jira-issue-types', '--target', '{id}', '--project', '  '], /--project KEY is not usable/],
    ['an unknown flag', ['data-center-projects', '--target', '{id}', '--token', 'x'], /Unknown option '--token'/],
  ])('usage error, exit 2: %s', async (_name, args, message) => {
    const t = await cliWithTarget();
    const r = await t.run(args.map((a) => (a === '{id}' ? t.id : a)));
    expectUsageError(r, 'options', message);
  });

  it.each([
    ['an unknown target id', ['data-center-projects', '--target', 'no-such-target'], 'TARGET_NOT_FOUND', 'No saved target has the id "no-such-target".', undefined, /Integration status list/],
    ['a Data Center project that does not exist (HTTP 404)', ['data-center-repositories', '--target', '{id}', '--project', 'NOPE'], 'PROVIDER_RESOURCE_NOT_FOUND', 'the repositories of NOPE was not found, or the credential cannot see it (HTTP 404).', 'bitbucket_data_center_issues', /Check the name/],
    // Jira's answer is told in Jira's words: the project key and issue type, not the Bitbucket target.
    ['a Jira project that does not exist', ['jira-issue-types', '--target', '{id}', '--project', 'NOPE'], 'PROVIDER_RESOURCE_NOT_FOUND', undefined, 'jira', /Jira project key and issue type/],
  ] as const)('an error answer, exit 1, the code, message and fix on stderr: %s', async (_name, args, code, message, provider, fix) => {
    const t = await cliWithTarget();
    const r = await t.run(args.map((a) => (a === '{id}' ? t.id : a)));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toMatch(new RegExp(`^options: ${code}: `));
    if (message !== undefined) expect(r.err[0]).toBe(`options: ${code}: ${message}`);
    expect(r.err[1]).toBe(`  fix: ${describeError(code, provider).fix}`);
    expect(r.err[1]).toMatch(fix);
  });

  it('a hostile project name never reaches the terminal raw: cleaned of control, zero-width and bidi characters, in text and in --json', async () => {
    const t = await cliWithTarget();
    for (const json of [false, true]) {
      const r = await t.run(['data-center-projects', '--target', t.id, ...(json ? ['--json'] : [])]);
      expect(r.code).toBe(0);
      for (const line of [...r.out, ...r.err]) expect(line).not.toMatch(RAW_HIDDEN);
      const shown = json ? (JSON.parse(r.out[0] ?? '') as ProviderOptions).items[0]?.name : r.out[0];
      expect(shown).toBe(json ? 'Payments]0;owned team' : 'SEC  Payments]0;owned team');
    }
  });

  it('a control sequence echoed back in an error message is printed escaped as \\uXXXX, one line', async () => {
    const t = await cliWithTarget();
    const r = await t.run(['data-center-repositories', '--target', t.id, '--project', 'SEC\u001b]0;owned\u0007\u202e']);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe('options: PROVIDER_RESOURCE_NOT_FOUND: the repositories of SEC\\u001b]0;owned\\u0007\\u202e was not found, or the credential cannot see it (HTTP 404).');
    for (const line of r.err) expect(line).not.toMatch(RAW_HIDDEN);
  });

  it('no secret in anything the command wrote', () => {
    expect(written.length).toBeGreaterThan(0);
    const all = written.join('\n');
    for (const secret of [DC_SECRETS.token, JIRA_SECRETS.cloudToken]) expect(all).not.toContain(secret);
  });
});
