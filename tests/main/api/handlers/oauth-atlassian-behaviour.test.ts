import { describe, expect, it } from 'vitest';
import type { ChecksRun } from '../../../../shared/contract/checks';
import type { RadarScanResult } from '../../../../shared/contract/radar';
import { fixedClock } from '../../../../main/services/clock/clock';
import { SECRETS } from '../../../simulators/cloud-sim-state';
import { okValue as value, useAtlassianSims } from '../../../support/atlassian-sims';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { testApi } from '../../../support/test-api';

// Issue 13 items 1 and 2 through the contract: Bitbucket Cloud OAuth consumers against a simulator
// that, like Bitbucket, accepts only the registered callback URL, rotates refresh tokens and
// refuses a used or lapsed one (tests/simulators/cloud-oauth-sim.ts cites the sources).

const sims = useAtlassianSims();
const setup = (over: Parameters<typeof simProviders>[2] = {}) => {
  const clock = fixedClock('2026-11-29T08:00:00.000Z');
  const secrets = memorySecretStore();
  const t = testApi({ secrets: secrets.store, clock, network: simNetwork(sims.cloud.caCert), providers: simProviders(sims.cloud, [sims.dc, sims.jira], over) });
  return { ...t, clock, keychain: secrets.map };
};
const CLOUD = { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0' } as const;

describe('Bitbucket Cloud OAuth: the consumer registered callback URL', () => {
  const oauthTarget = (over: Record<string, unknown> = {}) => ({ ...CLOUD, workspace: 'acme', repository_slug: 'legacy', auth_method: 'oauth', ...over });
  const storeConsumer = async (t: ReturnType<typeof setup>, id: string) =>
    value(await t.api.call('credentials.store', { target_id: id, kind: 'oauth_consumer', consumer_key: sims.cloud.world.oauth.clientId, secret: SECRETS.oauthClientSecret }));

  it('the OAuth flow completes against a simulator that, like Bitbucket, accepts only the registered callback', async () => {
    const t = setup();
    const id = value<{ target: { id: string } }>(await t.api.call('targets.save', { target: oauthTarget({ oauth_callback_url: sims.cloud.world.oauth.callbackUrl }) })).target.id;
    await storeConsumer(t, id);
    const connected = value<{ state: string; scopes: string[] }>(await t.api.call('oauth.connect', { target_id: id }));
    expect(connected).toMatchObject({ state: 'stored', scopes: ['account', 'repository', 'issue:write'] });
    const authorize = sims.cloud.exchanges.filter((e) => e.request.path === '/site/oauth2/authorize').at(-1);
    expect(authorize?.request.query.get('redirect_uri')).toBe(sims.cloud.world.oauth.callbackUrl);
    expect(authorize?.answer.status).toBe(302);
    t.cleanup();
  });

  it('a callback URL that is not the registered one: Bitbucket refuses it ("Invalid redirect_uri") and the sign-in fails, not hangs', async () => {
    const t = setup({ oauthTimeoutMs: 300 });
    const registered = new URL(sims.cloud.world.oauth.callbackUrl);
    const other = `http://127.0.0.1:${registered.port}/other-callback`;
    const id = value<{ target: { id: string } }>(await t.api.call('targets.save', { target: oauthTarget({ oauth_callback_url: other }) })).target.id;
    await storeConsumer(t, id);
    const r = await t.api.call('oauth.connect', { target_id: id });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'OAUTH_FLOW_FAILED', details: { reason: 'timeout' } });
    const authorize = sims.cloud.exchanges.filter((e) => e.request.path === '/site/oauth2/authorize').at(-1);
    expect(authorize?.answer).toMatchObject({ status: 400, text: expect.stringContaining('This integration is misconfigured') });
    t.cleanup();
  });

  it.each([
    ['https://127.0.0.1:8976/callback', 'scheme'],
    ['http://app.example:8976/callback', 'host'],
    ['http://127.0.0.1/callback', 'port'],
  ])('targets.save refuses the callback URL %s with the reason (%s)', async (url, reason) => {
    const t = setup();
    const r = await t.api.call('targets.save', { target: oauthTarget({ oauth_callback_url: url }) });
    expect(r.ok ? 'saved' : r.error.code).toBe('REQUEST_INVALID');
    expect(JSON.stringify(r.ok ? {} : r.error.details)).toContain(`(${reason})`);
    t.cleanup();
  });

  it('no callback URL stored: oauth.connect answers OAUTH_CALLBACK_INVALID before any browser opens', async () => {
    const t = setup();
    const before = sims.cloud.exchanges.length;
    const id = value<{ target: { id: string } }>(await t.api.call('targets.save', { target: oauthTarget() })).target.id;
    await storeConsumer(t, id);
    const r = await t.api.call('oauth.connect', { target_id: id });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'OAUTH_CALLBACK_INVALID', details: { reason: 'missing' } });
    expect(sims.cloud.exchanges.length).toBe(before);
    t.cleanup();
  });
});

describe('Bitbucket Cloud OAuth: rotating refresh tokens that lapse after 3 months unused', () => {
  const DAY = 24 * 60 * 60 * 1000;
  /** A signed-in OAuth target whose access token Bitbucket no longer accepts (access tokens live 2 hours). */
  const signedIn = async (t: ReturnType<typeof setup>) => {
    const id = value<{ target: { id: string } }>(
      await t.api.call('targets.save', { target: { ...CLOUD, workspace: 'acme', repository_slug: 'legacy', auth_method: 'oauth', oauth_callback_url: sims.cloud.world.oauth.callbackUrl } }),
    ).target.id;
    value(await t.api.call('credentials.store', { target_id: id, kind: 'oauth_consumer', consumer_key: sims.cloud.world.oauth.clientId, secret: SECRETS.oauthClientSecret }));
    value(await t.api.call('oauth.connect', { target_id: id }));
    return id;
  };
  const expireAccessToken = (t: ReturnType<typeof setup>, id: string) => {
    delete sims.cloud.world.bearerTokens[t.keychain.get(`${id}:bitbucket`) ?? ''];
  };
  const refreshItem = async (t: ReturnType<typeof setup>, id: string) =>
    value<RadarScanResult>(await t.api.call('radar.scan', { target: id })).items.find((i) => i.kind === 'oauth_refresh');

  it('each refresh stores the new refresh token in place of the used one, which the simulator then refuses; the radar counts from the last use', async () => {
    const t = setup();
    const id = await signedIn(t);
    const issued = t.keychain.get(`${id}:bitbucket_refresh`) ?? '';
    t.clock.advance(80 * DAY);
    expireAccessToken(t, id);
    const first = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(first.record.checks.auth?.status).toBe('ok');
    const rotated = t.keychain.get(`${id}:bitbucket_refresh`) ?? '';
    expect(rotated).toMatch(/^sim-oauth-refresh-/);
    expect(rotated).not.toBe(issued);
    // The used refresh token is dead at the provider: a client that kept it could not refresh again.
    const reuse = sims.cloud.exchanges.length;
    t.clock.advance(DAY);
    expireAccessToken(t, id);
    const second = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(second.record.checks.auth?.status).toBe('ok');
    const grants = sims.cloud.exchanges.slice(reuse).filter((e) => e.request.path === '/site/oauth2/access_token');
    expect(grants.map((g) => [new URLSearchParams(g.request.body).get('refresh_token'), g.answer.status])).toEqual([[rotated, 200]]);
    // Recorded: the refresh token was last used on day 81, so it lapses 3 months later (2027-05-18).
    expect(await refreshItem(t, id)).toMatchObject({ date: '2027-05-18', status: 'ok', subject: expect.stringContaining('last used 2027-02-18') });
    t.cleanup();
  });

  it('a check that passes with a still-valid access token does not use the refresh token: the radar warns as 3 months approach', async () => {
    const t = setup();
    const id = await signedIn(t);
    t.clock.advance(70 * DAY);
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(run.record.checks.auth?.status).toBe('ok');
    expect(await refreshItem(t, id)).toMatchObject({ date: '2027-02-28', status: 'due', action: expect.stringMatching(/Run the checks before this date|sign in with OAuth again/) });
    t.clock.advance(25 * DAY);
    expect(await refreshItem(t, id)).toMatchObject({ status: 'past', action: expect.stringMatching(/sign in with OAuth again/) });
    t.cleanup();
  });

  it.each([
    ['Bitbucket\'s observed answer (invalid_request "Invalid refresh_token")', 'observed'],
    ['RFC 6749\'s invalid_grant', 'rfc'],
  ] as const)('a refused refresh — %s — is the coded "sign in again" state, not a generic failure', async (_n, form) => {
    const t = setup();
    const id = await signedIn(t);
    sims.cloud.world.oauth.refreshLapsed = true;
    sims.cloud.world.oauth.refreshRefusal = form;
    try {
      expireAccessToken(t, id);
      const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
      expect(run.record.checks.auth).toMatchObject({ status: 'rejected', code: 'OAUTH_SIGN_IN_REQUIRED' });
      expect(run.record.readiness.blocking).toContain('OAUTH_SIGN_IN_REQUIRED');
      expect(run.record.readiness.blocking).not.toContain('PROVIDER_AUTH_REQUIRED');
      const auth = run.findings.find((f) => f.id === 'auth');
      expect(auth).toMatchObject({ verdict: 'fail', code: 'OAUTH_SIGN_IN_REQUIRED' });
      expect(auth?.detail).toMatch(/Sign in with OAuth again/);
    } finally {
      sims.cloud.world.oauth.refreshLapsed = false;
      delete sims.cloud.world.oauth.refreshRefusal;
    }
    // Signing in again clears it.
    value(await t.api.call('oauth.connect', { target_id: id }));
    const again = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(again.record.checks.auth?.status).toBe('ok');
    t.cleanup();
  });
});
