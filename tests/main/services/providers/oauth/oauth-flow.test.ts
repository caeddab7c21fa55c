import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOAuthCallbackUrl, type OAuthCallback } from '../../../../../shared/domain/oauth-callback';
import { createFixedOriginHttpClient } from '../../../../../main/services/providers/common/fixed-origin-client';
import { connectOAuth, refreshOAuth, scopesOf, type ConnectOptions } from '../../../../../main/services/providers/oauth/oauth-flow';
import { startCloudSim, type CloudSim } from '../../../../simulators/bitbucket-cloud-sim';
import { INVALID_REDIRECT_PAGE } from '../../../../simulators/cloud-oauth-sim';
import { SECRETS } from '../../../../simulators/cloud-sim-state';
import { freeLoopbackPort } from '../../../../support/free-port';

// The authorization-code flow end to end against the simulator's authorize and token endpoints,
// which — like Bitbucket — send the browser back only to the consumer's registered callback URL.
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

const callbackOf = (url: string): OAuthCallback => {
  const p = parseOAuthCallbackUrl(url);
  if (!p.ok) throw new Error(p.message);
  return p.value;
};

/** A browser that signs in and lets Bitbucket send it back; a page that does not redirect is shown and kept. */
const browser = (tamper: (callback: URL) => URL = (u) => u) => {
  const visited: string[] = [];
  const shown: Array<{ status: number; text: string }> = [];
  const open = async (url: string): Promise<void> => {
    visited.push(url);
    const auth = await request(url, { dispatcher: browserAgent });
    const text = await auth.body.text();
    const location = auth.headers.location;
    if (typeof location !== 'string') {
      shown.push({ status: auth.statusCode, text });
      return;
    }
    const back = await request(tamper(new URL(location)).toString());
    shown.push({ status: back.statusCode, text: await back.body.text() });
  };
  return { open, visited, shown };
};

const options = (over: Partial<ConnectOptions> = {}): ConnectOptions => ({
  consumer: { clientId: sim.world.oauth.clientId, clientSecret: SECRETS.oauthClientSecret },
  endpoints: { authorizeUrl: `${sim.origin}/site/oauth2/authorize`, tokenUrl: `${sim.origin}/site/oauth2/access_token` },
  http: createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert }),
  callback: callbackOf(sim.world.oauth.callbackUrl),
  openExternal: browser().open,
  timeoutMs: 10_000,
  ...over,
});

describe('Bitbucket Cloud OAuth consumer flow', () => {
  it('completes against a simulator that accepts only the registered callback: redirect_uri is exactly it, at authorize and at the exchange', async () => {
    const b = browser();
    const first = await connectOAuth(options({ openExternal: b.open }));
    if (!first.ok) throw new Error(first.error.message);
    const authorize = new URL(b.visited[0] ?? '');
    expect(authorize.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(authorize.searchParams.get('redirect_uri')).toBe(sim.world.oauth.callbackUrl);
    const exchange = sim.exchanges.filter((e) => e.request.path === '/site/oauth2/access_token').at(-1);
    expect(new URLSearchParams(exchange?.request.body).get('redirect_uri')).toBe(sim.world.oauth.callbackUrl);
    expect(scopesOf(first.value)).toEqual(['account', 'repository', 'issue:write']);
    expect(sim.world.bearerTokens[first.value.access_token]).toBeDefined();

    const refreshed = await refreshOAuth({ ...options(), consumer: options().consumer, refreshToken: first.value.refresh_token ?? '' });
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    expect(refreshed.value.access_token).not.toBe(first.value.access_token);
  });

  it('the old behaviour — a random loopback port as redirect_uri — is refused like Bitbucket refuses it, and the sign-in times out', async () => {
    const b = browser();
    // What main sent before issue 13: http://127.0.0.1:<whatever port was free>/callback.
    const random = callbackOf(`http://127.0.0.1:${await freeLoopbackPort()}/callback`);
    expect(random.url).not.toBe(sim.world.oauth.callbackUrl);
    const r = await connectOAuth(options({ openExternal: b.open, callback: random, timeoutMs: 300 }));
    expect(b.shown).toEqual([{ status: 400, text: INVALID_REDIRECT_PAGE }]);
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'OAUTH_FLOW_FAILED', details: { reason: 'timeout' } });
  });

  it('another program on the registered port: OAUTH_CALLBACK_PORT_BUSY names the port, and no browser is opened', async () => {
    const cb = callbackOf(sim.world.oauth.callbackUrl);
    const { createServer } = await import('node:net');
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(cb.port, '127.0.0.1', r));
    const b = browser();
    try {
      const r = await connectOAuth(options({ openExternal: b.open }));
      expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'OAUTH_CALLBACK_PORT_BUSY', details: { port: cb.port } });
      expect(b.visited).toEqual([]);
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  });

  it('a forged answer with a wrong state is ignored; the real answer that follows completes the sign-in', async () => {
    const ignored: string[] = [];
    const forgeFirst = async (url: string): Promise<void> => {
      const forged = await request(`${sim.world.oauth.callbackUrl}?code=attacker&state=forged`);
      await forged.body.text();
      await browser().open(url);
    };
    const r = await connectOAuth(options({ openExternal: forgeFirst, onIgnored: (i) => ignored.push(i.reason) }));
    expect(r.ok).toBe(true);
    expect(ignored).toEqual(['state_mismatch']);
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
