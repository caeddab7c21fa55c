import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../main/services/clock/clock';
import { createJiraClient, jiraApiRoot, type JiraClientOptions } from '../../../../../main/services/providers/jira/jira-client';
import { runJiraChecks } from '../../../../../main/services/providers/jira/jira-checks';
import { JIRA_CLOUD_ID, JIRA_SECRETS, startJiraSim, type JiraSim } from '../../../../simulators/jira-sim';
import { NOW, recordingSleep, simHttp } from '../../../../support/provider-harness';

let sim: JiraSim;
beforeAll(async () => {
  sim = await startJiraSim();
});
afterAll(async () => sim.close());

type Flavor = 'cloud' | 'scoped' | 'dc';
const handoffFor = (f: Flavor): JiraClientOptions['handoff'] =>
  f === 'dc'
    ? { flavor: 'data_center', base_url: sim.dcBaseUrl, auth_method: 'personal_access_token' }
    : f === 'scoped'
      ? { flavor: 'cloud', base_url: 'https://acme.atlassian.net', auth_method: 'scoped_api_token', account_email: 'dana@acme.example', cloud_id: JIRA_CLOUD_ID }
      : { flavor: 'cloud', base_url: sim.siteUrl, auth_method: 'api_token', account_email: 'dana@acme.example' };
const secretFor = (f: Flavor): string => (f === 'dc' ? JIRA_SECRETS.dcPat : f === 'scoped' ? JIRA_SECRETS.scopedToken : JIRA_SECRETS.cloudToken);

const run = (f: Flavor, input: { projectKey?: string; issueType?: string }, secret = secretFor(f)) =>
  runJiraChecks(
    createJiraClient({ http: simHttp(sim), handoff: handoffFor(f), secret, clock: fixedClock(NOW), sleep: recordingSleep().sleep, gateway: sim.gateway }),
    input,
    () => new Date(NOW),
  );

describe.each(['cloud', 'scoped', 'dc'] as const)('Jira %s handoff', (f) => {
  it('server, identity, project and issue type → ok', async () => {
    const r = await run(f, { projectKey: 'SEC', issueType: 'Bug' });
    expect(r.jira).toMatchObject({ status: 'ok', project: { key: 'SEC', name: 'Security' }, issue_type: { id: '10001', name: 'Bug' }, identity: { display_name: 'Dana Admin' } });
    expect(r.jira.server?.version).toMatch(/^\d/);
    expect(r.jira.url_safety?.status).toBe('passed');
  });

  it('auth rejected → PROVIDER_AUTH_REQUIRED', async () => {
    const r = await run(f, { projectKey: 'SEC', issueType: 'Bug' }, 'wrong-secret');
    expect(r.jira).toMatchObject({ status: 'blocked', code: 'PROVIDER_AUTH_REQUIRED' });
  });

  it('project missing → JIRA_HANDOFF_UNAVAILABLE', async () => {
    const r = await run(f, { projectKey: 'NOPE', issueType: 'Bug' });
    expect(r.jira).toMatchObject({ status: 'blocked', code: 'JIRA_HANDOFF_UNAVAILABLE' });
    expect(r.jira.detail).toMatch(/NOPE/);
  });

  it('issue type missing → JIRA_HANDOFF_UNAVAILABLE with the available types', async () => {
    const r = await run(f, { projectKey: 'SEC', issueType: 'Epic' });
    expect(r.jira).toMatchObject({ status: 'blocked', code: 'JIRA_HANDOFF_UNAVAILABLE', project: { key: 'SEC' } });
    expect(r.findings.at(-1)?.evidence).toMatchObject({ available: ['Bug', 'Task'] });
  });
});

describe('Jira API roots', () => {
  it('scoped tokens go through the gateway with the cloud id; classic tokens and Data Center to the site', () => {
    expect(jiraApiRoot({ flavor: 'cloud', base_url: 'https://acme.atlassian.net', auth_method: 'scoped_api_token', cloud_id: 'abc' })).toBe(
      'https://api.atlassian.com/ex/jira/abc',
    );
    expect(jiraApiRoot({ flavor: 'cloud', base_url: 'https://acme.atlassian.net/', auth_method: 'api_token' })).toBe('https://acme.atlassian.net');
    expect(jiraApiRoot({ flavor: 'data_center', base_url: 'https://jira.acme.com/jira', auth_method: 'personal_access_token' })).toBe('https://jira.acme.com/jira');
  });

  it.each([
    [{ flavor: 'cloud', base_url: 'https://a.atlassian.net', auth_method: 'scoped_api_token' }, 'cloud_id'],
    [{ flavor: 'data_center', base_url: 'https://jira.acme.com', auth_method: 'api_token' }, 'auth_method'],
    [{ flavor: 'cloud', base_url: 'https://a.atlassian.net', auth_method: 'personal_access_token' }, 'auth_method'],
  ] as const)('an inconsistent handoff is a setup problem, not a call (%o)', (handoff, field) => {
    expect(jiraApiRoot(handoff)).toMatchObject({ field });
  });
});

describe('Jira issue-type pages', () => {
  it('past the page cap the list is truncated and the miss says so', async () => {
    const client = createJiraClient({ http: simHttp(sim), handoff: handoffFor('cloud'), secret: JIRA_SECRETS.cloudToken, clock: fixedClock(NOW), sleep: recordingSleep().sleep, maxPages: 1 });
    const r = await runJiraChecks(client, { projectKey: 'PLAT', issueType: 'Security Finding' }, () => new Date(NOW));
    expect(r.jira).toMatchObject({ status: 'blocked', code: 'JIRA_HANDOFF_UNAVAILABLE' });
    expect(r.findings.at(-1)?.detail).toMatch(/\(list truncated at 50 issue types\)$/);
    expect(r.findings.at(-1)?.evidence).toMatchObject({ truncated_at: 50 });
  });
});
