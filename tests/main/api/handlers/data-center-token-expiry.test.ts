import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecksRun } from '../../../../shared/contract/checks';
import type { RadarScanResult } from '../../../../shared/contract/radar';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { DC_SECRETS, defaultDataCenterWorld, startDataCenterSim, type DataCenterSimWorld } from '../../../simulators/data-center-sim';
import { dataCenterDraft, okValue as value } from '../../../support/atlassian-sims';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { testApi } from '../../../support/test-api';

// A Data Center HTTP access token's expiry, read from the access-tokens REST API where Bitbucket
// allows it (the simulator cites Atlassian's answers), so the radar shows the date Bitbucket
// reports instead of asking; where Bitbucket refuses, or the token cannot be looked up, the admin is
// asked as before ("unknown"). The api clock stands at 2026-11-29T08:00Z.

let cloud: CloudSim;
beforeAll(async () => {
  cloud = await startCloudSim();
});
afterAll(() => cloud.close());

/** A personal token as Bitbucket Data Center writes them: `BBDC-` + base64 of `<12-digit id>:<secret>`. */
const personal = (id: string, secret: string) => `BBDC-${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;
const DANA = personal('649346856371', 'sim-dana-personal-token-a1b2c3');
const PROJECT = personal('649346856372', 'sim-project-token-d4e5f6');
const NOT_LISTED = personal('649346856373', 'sim-unlisted-token-0a0b0c');
const SECRETS = [DANA, PROJECT, NOT_LISTED, ...Object.values(DC_SECRETS)];
const CREATED = Date.parse('2026-11-01T09:30:00.000Z');

const run = async (accessTokens: DataCenterSimWorld['accessTokens'], secret: string) => {
  const world = defaultDataCenterWorld();
  const dc = await startDataCenterSim({ ...world, tokens: { ...world.tokens, [DANA]: 'dana', [PROJECT]: 'project-sec-bot', [NOT_LISTED]: 'dana' }, ...(accessTokens === undefined ? {} : { accessTokens }) });
  const t = testApi({ secrets: memorySecretStore().store, network: simNetwork(cloud.caCert), providers: simProviders(cloud, [dc], {}) });
  try {
    const draft = dataCenterDraft(dc.baseUrl);
    const id = value<{ target: { id: string } }>(await t.api.call('targets.save', { target: draft })).target.id;
    value(await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret }));
    const before = value<RadarScanResult>(await t.api.call('radar.scan', { target: id })).items.find((i) => i.kind === 'credential');
    const checked = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    const radar = value<RadarScanResult>(await t.api.call('radar.scan', { target: id }));
    const tokenCalls = dc.exchanges.filter((e) => e.request.path.includes('/rest/access-tokens/'));
    const outputs = JSON.stringify([checked, radar, before]) + tokenCalls.map((e) => JSON.stringify(e.answer.body ?? '')).join('');
    for (const s of SECRETS) expect(outputs).not.toContain(s);
    return { before, checked, credential: radar.items.find((i) => i.kind === 'credential'), tokenCalls };
  } finally {
    t.cleanup();
    await dc.close();
  }
};

describe('a Data Center HTTP access token whose expiry Bitbucket reports', () => {
  it('shows the read date on the radar, not an assumption or a question', async () => {
    const r = await run({ [DANA]: { id: '649346856371', createdDate: CREATED, expiryDays: 90, user: 'dana', permissions: ['REPO_READ', 'PROJECT_READ'] } }, DANA);
    // Stored without a date: a Data Center token's expiry is not known yet.
    expect(r.before).toMatchObject({ date: null, basis: 'unknown' });
    expect(r.tokenCalls.map((e) => [e.request.path, e.answer.status])).toEqual([['/bitbucket/rest/access-tokens/1.0/users/dana/649346856371', 200]]);
    expect(r.checked.findings.find((f) => f.id === 'auth')?.evidence).toMatchObject({ token_expires_on: '2027-01-30' });
    expect(r.checked.record.readiness.verdict).toBe('ready');
    expect(r.credential).toMatchObject({ date: '2027-01-30', basis: 'read', status: 'ok' });
    expect(r.credential?.subject).toContain("read from Bitbucket's access-tokens API");
  });

  it('a token Bitbucket says never expires is listed as read, with no date and nothing to do', async () => {
    const r = await run({ [DANA]: { id: '649346856371', createdDate: CREATED, user: 'dana', permissions: ['REPO_READ'] } }, DANA);
    expect(r.credential).toMatchObject({ date: null, basis: 'read', status: 'unknown' });
    expect(r.credential?.subject).toContain('no expiry');
    expect(r.credential?.action).toMatch(/Bitbucket reports no expiry/);
  });
});

describe('where Bitbucket does not tell, the admin is still asked', () => {
  it.each([
    // Project and repository tokens belong to no user: the API answers 401 (see the simulator's sources).
    ['a project token (401)', { [PROJECT]: { id: '649346856372', createdDate: CREATED, expiryDays: 30, permissions: ['REPO_READ'] } }, PROJECT, 401],
    ['a token the API does not list (404)', { [DANA]: { id: '649346856371', createdDate: CREATED, expiryDays: 30, user: 'dana', permissions: ['REPO_READ'] } }, NOT_LISTED, 404],
  ] as const)('%s', async (_label, tokens, secret, status) => {
    const r = await run(tokens, secret);
    expect(r.tokenCalls.map((e) => e.answer.status)).toEqual([status]);
    expect(r.checked.record.readiness.verdict).toBe('ready');
    expect(r.checked.findings.find((f) => f.id === 'auth')?.evidence).toMatchObject({ token_expiry_unread: `HTTP ${status}` });
    expect(r.credential).toMatchObject({ date: null, basis: 'unknown' });
    expect(r.credential?.action).toMatch(/store the token again with the expiry date/);
  });

  it('a token that does not read as `<id>:<secret>` is not looked up at all', async () => {
    const r = await run(undefined, DC_SECRETS.token);
    expect(r.tokenCalls).toEqual([]);
    expect(r.credential).toMatchObject({ date: null, basis: 'unknown' });
  });
});
