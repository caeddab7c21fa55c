import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressEvent } from '../../../shared/contract/progress';
import { CheckResults } from '../../../shared/domain/checks';
import { DEFAULT_LIMITS } from '../../../main/services/net/limits';
import { testApi } from '../../support/test-api';
import { APP_PROPS, dcDraft, json, startWorld, TEST_ADDR, type TestWorld } from '../../support/url-safety/fixture';
import { urlSafetyPki } from '../../support/url-safety/pki';
import { startHttps, startSilentServer, type RunningServer, type SilentServer } from '../../support/url-safety/servers';

// A long call named with a call id: its progress events in the order the network check runs its
// stages, with the limits the network runs under, and a real Cancel that closes the socket and
// answers CHECK_CANCELLED at once, storing nothing. Against real loopback servers that stall.

const HOST = 'bitbucket.example-corp.com';
const WINDOW = 'webcontents:1';

/** Resolves once `events` holds an event matching `match` (polled: the events arrive from the call). */
const waitFor = async (events: ProgressEvent[], match: (e: ProgressEvent) => boolean, ms = 5_000): Promise<ProgressEvent> => {
  const until = Date.now() + ms;
  for (;;) {
    const found = events.find(match);
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`no such event; got ${JSON.stringify(events.map((e) => [e.stage, e.state]))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('named long calls: progress events and cancel', () => {
  let world: TestWorld;
  let https: RunningServer;
  let silent: SilentServer;
  let caPem: string;
  let t: ReturnType<typeof testApi>;
  /** `answer`: the API root answers after 150 ms; `hold`: the request is held, never answered. */
  let mode: 'answer' | 'hold' = 'answer';
  const held: ServerResponse[] = [];
  const closedRequests: string[] = [];

  beforeAll(async () => {
    world = await startWorld();
    const pki = await urlSafetyPki();
    caPem = pki.caCert;
    https = await startHttps(await pki.leaf([HOST], []), (req, res) => {
      req.on('close', () => closedRequests.push(req.url ?? ''));
      if (mode === 'hold') {
        held.push(res);
        return;
      }
      setTimeout(() => (req.url === '/bb/rest/api/1.0/application-properties' ? json(res, 200, APP_PROPS) : json(res, 404, {})), 150);
    }, TEST_ADDR);
    silent = await startSilentServer(TEST_ADDR);
    t = testApi({ network: world.network });
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    await https.close();
    await silent.close();
    await world.close();
    t.cleanup();
  });

  const named = (call_id: string, events: ProgressEvent[], owner = WINDOW) => ({ owner, call_id, progress: (e: ProgressEvent) => events.push(e) });

  it('reports DNS, connection, TLS and HTTP in order, each with its own limit and the overall deadline', async () => {
    const events: ProgressEvent[] = [];
    const r = await t.api.call('url.probe', { base_url: `https://${HOST}:${https.port}/bb`, ca_pem: caPem }, named('probe-order-1', events));
    expect(r).toMatchObject({ ok: true, value: { verdict: 'allow' } });
    expect(events.map((e) => [e.stage, e.state])).toEqual([
      ['dns', 'started'],
      ['dns', 'passed'],
      ['connection', 'started'],
      ['connection', 'passed'],
      ['tls', 'started'],
      ['tls', 'passed'],
      ['http', 'started'],
      ['http', 'passed'],
    ]);
    const limitOf = Object.fromEntries(events.filter((e) => e.state === 'started').map((e) => [e.stage, e.limit_ms]));
    expect(limitOf).toEqual({ dns: DEFAULT_LIMITS.overallMs, connection: DEFAULT_LIMITS.connectMs, tls: DEFAULT_LIMITS.connectMs, http: DEFAULT_LIMITS.headersMs });
    for (const e of events) {
      expect(ProgressEvent.parse(e)).toEqual(e);
      expect(e).toMatchObject({ call_id: 'probe-order-1', method: 'url.probe', total_limit_ms: DEFAULT_LIMITS.overallMs });
    }
    const elapsed = events.map((e) => e.elapsed_ms);
    expect([...elapsed].sort((a, b) => a - b)).toEqual(elapsed);
    // The server took 150 ms to answer: the HTTP stage ended no sooner.
    const http = events.filter((e) => e.stage === 'http');
    expect((http[1]?.elapsed_ms ?? 0) - (http[0]?.elapsed_ms ?? 0)).toBeGreaterThanOrEqual(140);
  });

  it('Cancel during a TLS handshake that never completes closes the socket and answers CHECK_CANCELLED at once', async () => {
    const events: ProgressEvent[] = [];
    const endedBefore = silent.ended;
    const call = t.api.call('url.probe', { base_url: `https://${HOST}:${silent.port}/bb` }, named('probe-tls-1', events));
    await waitFor(events, (e) => e.stage === 'tls' && e.state === 'started');
    // Another caller (another window, another session) cannot stop it.
    expect(await t.api.call('calls.cancel', { call_id: 'probe-tls-1' }, { owner: 'webcontents:2' })).toEqual({ ok: true, value: { cancelled: false } });
    const asked = Date.now();
    expect(await t.api.call('calls.cancel', { call_id: 'probe-tls-1' }, { owner: WINDOW })).toEqual({ ok: true, value: { cancelled: true } });
    const r = await call;
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(r).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    // The server saw the connection end: nothing waits on until the 5 s connect limit.
    await silent.endedAt(endedBefore + 1);
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(events.at(-1)).toMatchObject({ stage: 'tls', state: 'cancelled' });
    expect(events.filter((e) => e.state === 'cancelled')).toHaveLength(1);
    // Over: a second cancel finds nothing running.
    expect(await t.api.call('calls.cancel', { call_id: 'probe-tls-1' }, { owner: WINDOW })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('Cancel while the server holds the HTTP answer ends the request; a cancelled url.checkTarget stores nothing', async () => {
    const saved = await t.api.call('targets.save', { target: dcDraft(`https://${HOST}:${https.port}/bb`, caPem) });
    if (!saved.ok) throw new Error(saved.error.message);
    const id = (saved.value as { target: { id: string } }).target.id;
    mode = 'answer';
    expect(await t.api.call('url.checkTarget', { target_id: id })).toMatchObject({ ok: true });
    const before = await t.deps.settings.read();
    if (!before.ok) throw new Error(before.error.message);
    const stored = before.value.targets.find((s) => s.target.id === id)?.checks;
    expect(CheckResults.parse(stored).network?.status).toBe('reached');

    mode = 'hold';
    const events: ProgressEvent[] = [];
    const closedBefore = closedRequests.length;
    const call = t.api.call('url.checkTarget', { target_id: id }, named('check-target-1', events));
    await waitFor(events, (e) => e.stage === 'http' && e.state === 'started');
    await t.api.call('calls.cancel', { call_id: 'check-target-1' }, { owner: WINDOW });
    expect(await call).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    await waitFor(events, (e) => e.stage === 'http' && e.state === 'cancelled');
    const until = Date.now() + 2_000;
    while (closedRequests.length === closedBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(closedRequests.length).toBeGreaterThan(closedBefore);
    // No half-stored result: the record holds the last completed check, exactly as it was.
    const after = await t.deps.settings.read();
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.targets.find((s) => s.target.id === id)?.checks).toEqual(stored);
    mode = 'answer';
  });

  it('a checks.run names the provider check each network stage belongs to', async () => {
    const saved = await t.api.call('targets.save', { target: dcDraft(`https://${HOST}:${https.port}/bb`, caPem, { workspace: 'PROJ', repository_slug: 'repo', auth_method: 'http_access_token' }) });
    if (!saved.ok) throw new Error(saved.error.message);
    const id = (saved.value as { target: { id: string } }).target.id;
    const stored = await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: 'an-http-access-token' });
    expect(stored.ok).toBe(true);
    const events: ProgressEvent[] = [];
    const r = await t.api.call('checks.run', { target_id: id }, named('checks-run-1', events));
    expect(r.ok).toBe(true);
    expect(events.slice(0, 3).map((e) => [e.stage, e.state, e.within])).toEqual([
      ['bitbucket', 'started', undefined],
      ['instance', 'started', 'bitbucket'],
      ['dns', 'started', 'instance'],
    ]);
    expect(events.find((e) => e.stage === 'instance' && e.state !== 'started')).toMatchObject({ state: 'passed', within: 'bitbucket' });
    // The provider's own calls (credential, repository) run within the Bitbucket check; the run ends with it.
    expect(events.some((e) => e.stage === 'http' && e.within === 'bitbucket')).toBe(true);
    expect(events.at(-1)).toMatchObject({ stage: 'bitbucket', limit_ms: null, total_limit_ms: null });
  });

  it.each([
    ['too short', 'abc'],
    ['a character outside the set', 'call id with spaces'],
  ])('a call id that is %s is refused before anything runs', async (_label, call_id) => {
    const events: ProgressEvent[] = [];
    const r = await t.api.call('url.check', { url: 'https://10.1.2.3/', offline: true }, named(call_id, events));
    expect(r).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
    expect(!r.ok && r.error.message).toContain('call id');
    expect(events).toEqual([]);
  });

  it('a call id still running cannot be used twice by the same caller; a call without one has no progress', async () => {
    const events: ProgressEvent[] = [];
    const first = t.api.call('url.probe', { base_url: `https://${HOST}:${silent.port}/bb` }, named('twice-used-1', events));
    await waitFor(events, (e) => e.stage === 'tls' && e.state === 'started');
    expect(await t.api.call('url.probe', { base_url: `https://${HOST}:${silent.port}/bb` }, named('twice-used-1', []))).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID', message: 'A call with this id is still running.' } });
    await t.api.call('calls.cancel', { call_id: 'twice-used-1' }, { owner: WINDOW });
    expect(await first).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    const quiet: ProgressEvent[] = [];
    const r = await t.api.call('url.check', { url: `https://${HOST}/` }, { owner: WINDOW, progress: (e) => quiet.push(e) });
    expect(r.ok).toBe(true);
    expect(quiet).toEqual([]);
  });
});
