import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedOriginHttpClient } from '../../../../../main/services/providers/common/fixed-origin-client';
import { connectOAuth, refreshOAuth, scopesOf, type ConnectOptions } from '../../../../../main/services/providers/oauth/oauth-flow';
import { startCloudSim, type CloudSim } from '../../../../simulators/bitbucket-cloud-sim';
import { SECRETS } from '../../../../simulators/cloud-sim-state';

// The authorization-code flow end to end against the simulator's authorize and token endpoints.
// The "system browser" is a small fake: it follows the authorize redirect to the loopback listener.

let sim: CloudSim;
let browserAgent: Agent;
beforeAll(async () => {
  sim = await startCloudSim();
  browserAgent = new Agent({ connect: { ca: sim.caCert } });
});
afterAll(async () => {
  await browserAgent.close();
  await sim.close();
});

/** A browser that signs in and lets Bitbucket send it back, optionally tampering with the redirect. */
const browser = (tamper: (callback: URL) => URL = (u) => u) => {
  const visited: string[] = [];
  const open = async (url: string): Promise<void> => {
    visited.push(url);
    const auth = await request(url, { dispatcher: browserAgent });
    await auth.body.text();
    const location = auth.headers.location;
    if (typeof location !== 'string') throw new Error(`authorize answered ${auth.statusCode}`);
    const back = await request(tamper(new URL(location)).toString());
    await back.body.text();
  };
  return { open, visited };
};

const options = (over: Partial<ConnectOptions> = {}): ConnectOptions => ({
  consumer: { clientId: sim.world.oauth.clientId, clientSecret: SECRETS.oauthClientSecret },
  endpoints: { authorizeUrl: `${sim.origin}/site/oauth2/authorize`, tokenUrl: `${sim.origin}/site/oauth2/access_token` },
  http: createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert }),
  openExternal: browser().open,
  timeoutMs: 10_000,
  ...over,
});

describe('Bitbucket Cloud OAuth consumer flow', () => {
  it('signs in through the browser and a loopback redirect with state, then refreshes', async () => {
    const b = browser();
    const first = await connectOAuth(options({ openExternal: b.open }));
    if (!first.ok) throw new Error(first.error.message);
    const authorize = new URL(b.visited[0] ?? '');
    expect(authorize.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(scopesOf(first.value)).toEqual(['account', 'repository', 'issue:write']);
    expect(sim.world.bearerTokens[first.value.access_token]).toBeDefined();

    const refreshed = await refreshOAuth({ ...options(), consumer: options().consumer, refreshToken: first.value.refresh_token ?? '' });
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    expect(refreshed.value.access_token).not.toBe(first.value.access_token);
    // A refresh token is single-use at the simulator, as rotating providers do.
    const again = await refreshOAuth({ ...options(), consumer: options().consumer, refreshToken: first.value.refresh_token ?? '' });
    expect(again.ok ? 'ok' : again.error.code).toBe('OAUTH_FLOW_FAILED');
  });

  it('a redirect whose state does not match is refused and ends the flow', async () => {
    const b = browser((u) => {
      u.searchParams.set('state', 'forged-state');
      return u;
    });
    const r = await connectOAuth(options({ openExternal: b.open }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'OAUTH_FLOW_FAILED', details: { reason: 'state_mismatch' } });
  });

  it('a user who closes the browser: the flow times out with a clean error', async () => {
    const r = await connectOAuth(options({ openExternal: async () => undefined, timeoutMs: 200 }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'OAUTH_FLOW_FAILED', details: { reason: 'timeout' } });
      expect(r.error.message).toMatch(/browser/);
    }
  });

  it('a wrong consumer secret is refused at the token endpoint, and the secret is not echoed', async () => {
    const r = await connectOAuth(options({ consumer: { clientId: sim.world.oauth.clientId, clientSecret: 'wrong-consumer-secret' } }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('OAUTH_FLOW_FAILED');
      expect(JSON.stringify(r.error)).not.toContain('wrong-consumer-secret');
    }
  });

  it('a browser that cannot be opened fails cleanly', async () => {
    const r = await connectOAuth(options({ openExternal: async () => Promise.reject(new Error('no browser')) }));
    expect(r.ok ? 'ok' : r.error.code).toBe('OAUTH_FLOW_FAILED');
  });
});

describe('granted scopes from the token answer', () => {
  it.each([
    ['`scope`, as Bitbucket answers since 2026-05-04', { access_token: 'a', scope: 'account repository' }, ['account', 'repository']],
    ['`scopes`, the older name', { access_token: 'a', scopes: 'account repository' }, ['account', 'repository']],
    ['`scope` wins when both are sent', { access_token: 'a', scope: 'account', scopes: 'account repository' }, ['account']],
    ['neither', { access_token: 'a' }, []],
  ] as const)('%s', (_n, tokens, scopes) => {
    expect(scopesOf(tokens)).toEqual(scopes);
  });
});
