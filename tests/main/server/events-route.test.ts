import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../main/server/browser-server';
import { EVENTS_ROUTE } from '../../../shared/contract/method-names';
import { ProgressEvent } from '../../../shared/contract/progress';
import { testApi } from '../../support/test-api';
import { testNetwork } from '../../support/url-safety/test-network';
import { rawRequest } from './http-helpers';
import { openSession } from './session-helpers';
import { makeStaticFixture } from './static-fixture';

// Browser mode's progress stream, GET /api/events, for real on a loopback port: behind the same
// guards as the API (session cookie, Host, Origin, and Sec-Fetch-Site), one session's events to
// that session's streams only, a heartbeat, and the end of every stream when the server stops.

/** A resolver that never answers: a named url.check waits in its DNS stage until it is cancelled. */
const silentDns = { resolve4: () => new Promise<string[]>(() => undefined), resolve6: () => new Promise<string[]>(() => undefined) };

const fixture = makeStaticFixture();
const t = testApi({ network: testNetwork({ resolver: silentDns }) });
let server: BrowserServer;
let a: string;
let b: string;

beforeAll(async () => {
  server = await startBrowserServer({ api: t.api, staticDir: fixture.root, eventsHeartbeatMs: 50 });
  a = await openSession(server);
  b = await openSession(server);
});
afterAll(async () => {
  await server.close();
  fixture.cleanup();
  t.cleanup();
});

const host = () => `127.0.0.1:${server.port}`;

interface Stream {
  readonly status: number;
  readonly contentType: string | undefined;
  /** The raw text received so far. */
  text(): string;
  events(): ProgressEvent[];
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens the event stream as a same-origin EventSource does (GET, the cookie, Sec-Fetch-Site: same-origin). */
const openStream = (headers: Record<string, string>): Promise<Stream> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: EVENTS_ROUTE, method: 'GET', setHost: false, agent: false, headers: { Host: host(), Accept: 'text/event-stream', ...headers } }, (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      const ended = new Promise<void>((done) => res.on('end', () => done()));
      resolve({
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        text: () => text,
        events: () =>
          text
            .split('\n\n')
            .filter((block) => block.startsWith('event: progress\n'))
            .map((block) => ProgressEvent.parse(JSON.parse(block.slice(block.indexOf('data: ') + 6)))),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  rawRequest({ port: server.port, method: 'POST', path, body: JSON.stringify(body), headers: { Host: host(), 'Content-Type': 'application/json', ...headers } });

const until = async (ok: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('GET /api/events guards', () => {
  it.each<[string, () => Record<string, string>, number, string]>([
    ['no session cookie', () => ({}), 401, 'BROWSER_SESSION_INVALID'],
    ['a session cookie of no session', () => ({ Cookie: `bts_session_${server.port}=${'0'.repeat(64)}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['a foreign Origin', () => ({ Cookie: a, Origin: 'https://evil.example' }), 403, 'REQUEST_FORBIDDEN'],
    ['another port of this host as Origin', () => ({ Cookie: a, Origin: 'http://127.0.0.1:1' }), 403, 'REQUEST_FORBIDDEN'],
    ['a cross-site Sec-Fetch-Site', () => ({ Cookie: a, 'Sec-Fetch-Site': 'cross-site' }), 403, 'REQUEST_FORBIDDEN'],
    ['a same-site (other port) Sec-Fetch-Site', () => ({ Cookie: a, 'Sec-Fetch-Site': 'same-site' }), 403, 'REQUEST_FORBIDDEN'],
  ])('refuses %s', async (_label, headers, status, code) => {
    const r = await rawRequest({ port: server.port, path: EVENTS_ROUTE, headers: { Host: host(), ...headers() } });
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code } });
    expect(r.headers['content-type']).toContain('application/json');
  });

  it('refuses a foreign Host (DNS rebinding) before it looks at the cookie', async () => {
    const r = await rawRequest({ port: server.port, path: EVENTS_ROUTE, headers: { Host: `attacker.example:${server.port}`, Cookie: a } });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_FORBIDDEN' } });
  });

  it('is opened with GET only', async () => {
    const r = await rawRequest({ port: server.port, method: 'POST', path: EVENTS_ROUTE, headers: { Host: host(), Cookie: a } });
    expect(r.status).toBe(405);
  });

  it('refuses a malformed call id header on an API call', async () => {
    const r = await post('/api/url.check', { url: 'https://x.example/', offline: true }, { Cookie: a, 'x-bts-call-id': 'no spaces allowed' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });
});

describe('GET /api/events streams', () => {
  it("gives each session its own calls' events; only that session can cancel them", async () => {
    const mine = await openStream({ Cookie: a, 'Sec-Fetch-Site': 'same-origin' });
    const theirs = await openStream({ Cookie: b });
    expect(mine.status).toBe(200);
    expect(mine.contentType).toBe('text/event-stream; charset=utf-8');
    const answer = post('/api/url.check', { url: 'https://bitbucket.example-corp.com/' }, { Cookie: a, 'x-bts-call-id': 'sse-call-01' });
    await until(() => mine.events().length > 0);
    expect(mine.events()).toEqual([expect.objectContaining({ call_id: 'sse-call-01', method: 'url.check', stage: 'dns', state: 'started' })]);
    const foreign = await post('/api/calls.cancel', { call_id: 'sse-call-01' }, { Cookie: b });
    expect(JSON.parse(foreign.body)).toEqual({ ok: true, value: { cancelled: false } });
    const own = await post('/api/calls.cancel', { call_id: 'sse-call-01' }, { Cookie: a });
    expect(JSON.parse(own.body)).toEqual({ ok: true, value: { cancelled: true } });
    expect(JSON.parse((await answer).body)).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    await until(() => mine.events().length === 2);
    expect(mine.events()[1]).toMatchObject({ stage: 'dns', state: 'cancelled' });
    expect(theirs.events()).toEqual([]);
    mine.close();
    theirs.close();
  });

  it('sends a heartbeat while idle, and ends every stream when the server stops', async () => {
    const other = await startBrowserServer({ api: t.api, staticDir: fixture.root, eventsHeartbeatMs: 30 });
    const cookie = await openSession(other);
    const stream = await new Promise<{ text: () => string; ended: Promise<void> }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: other.port, path: EVENTS_ROUTE, setHost: false, agent: false, headers: { Host: `127.0.0.1:${other.port}`, Cookie: cookie } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        resolve({ text: () => text, ended: new Promise((done) => res.on('close', () => done())) });
      });
      req.on('error', reject);
      req.end();
    });
    await until(() => stream.text().split(': heartbeat\n\n').length > 2);
    await other.close();
    await stream.ended;
  });
});
