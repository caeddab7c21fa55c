import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeExchange } from '../../../../main/services/net/safe-http-client';
import { json, redirect, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki, type UrlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

// Redirects are judged by hand: every hop re-runs the checks, nothing crosses an origin.

const HOST = 'bitbucket.example-corp.com';
const OTHER = 'other.example-corp.com';
const SECRET = 'Bearer s3cr3t-redirect-token';
const CUSTOM = 'tok-9f8e7d-custom';

describe('redirects', () => {
  let world: TestWorld;
  let pki: UrlSafetyPki;
  let main: RunningServer;
  let other: RunningServer;
  const base = (): string => `https://${HOST}:${main.port}`;

  beforeAll(async () => {
    world = await startWorld();
    pki = await urlSafetyPki();
    other = await startHttps(await pki.leaf([OTHER], []), (_req, res) => json(res, 200, { ok: true }), TEST_ADDR);
    main = await startHttps(await pki.leaf([HOST], []), (req, res) => {
      const path = req.url ?? '/';
      const chain = /^\/chain\/(\d+)$/u.exec(path);
      if (path === '/loopback') redirect(res, `https://127.0.0.1:${main.port}/`);
      else if (path === '/metadata') redirect(res, 'https://169.254.169.254/latest/meta-data/');
      else if (path === '/downgrade') redirect(res, `http://${HOST}:${main.port}/`, 301);
      else if (chain !== null) redirect(res, `/chain/${Number(chain[1]) + 1}`, 307);
      else if (path === '/loop-a') redirect(res, '/loop-b');
      else if (path === '/loop-b') redirect(res, '/loop-a');
      else if (path === '/cross') redirect(res, `https://${OTHER}:${other.port}/collect`, 308);
      else if (path === '/same') redirect(res, '/final', 303);
      else json(res, 200, { path });
    }, TEST_ADDR);
  });
  afterAll(async () => {
    await main.close();
    await other.close();
    await world.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    safeExchange({ url: `${base()}${path}`, headers }, world.options({ ca: pki.caCert }));

  it('follows a same-origin redirect and records the hop', async () => {
    const { outcome } = await get('/same');
    expect(outcome.ok).toBe(true);
    expect(outcome.evidence.redirects).toEqual([{ from: `${base()}/same`, to: `${base()}/final`, status: 303, verdict: 'followed' }]);
  });

  it.each([
    ['/loopback', 'reserved_ip'],
    ['/metadata', 'reserved_ip'],
    ['/downgrade', 'downgrade from https to http:'],
    ['/loop-a', 'redirect loop'],
  ])('blocks %s (%s) and records the chain', async (path, why) => {
    const seenBefore = main.seen.length;
    const { outcome } = await get(path);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe('redirect');
    const last = outcome.evidence.redirects.at(-1);
    expect(last?.verdict).toBe('blocked');
    expect(last?.reason).toContain(why);
    expect(last?.from).toContain(HOST);
    // Only our own origin was ever contacted.
    expect(main.seen.length - seenBefore).toBe(outcome.evidence.redirects.length);
  });

  it('stops a 6-hop chain after 5 followed hops', async () => {
    const { outcome } = await get('/chain/1');
    expect(outcome.ok).toBe(false);
    const hops = outcome.evidence.redirects;
    expect(hops).toHaveLength(6);
    expect(hops.slice(0, 5).every((h) => h.verdict === 'followed')).toBe(true);
    expect(hops[5]).toMatchObject({ verdict: 'blocked', to: `${base()}/chain/7`, reason: 'more than 5 redirects' });
  });

  it('reports a cross-origin hop with the new URL, blocks it, and the other origin sees no credential', async () => {
    const { outcome } = await get('/cross', { authorization: SECRET, 'x-auth-token': CUSTOM });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe('redirect');
    expect(outcome.evidence.redirects).toEqual([
      expect.objectContaining({ verdict: 'blocked', to: `https://${OTHER}:${other.port}/collect`, status: 308 }),
    ]);
    expect(outcome.detail).toContain(`https://${OTHER}:${other.port}/collect`);
    expect(main.seen.at(-1)?.headers['authorization']).toBe(SECRET);
    expect(other.seen).toHaveLength(0);
    expect(other.connections).toBe(0);
    expect(JSON.stringify(outcome)).not.toContain('s3cr3t');
    expect(JSON.stringify(outcome)).not.toContain(CUSTOM);
  });
});
