import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../main/server/browser-server';
import { CONTENT_SECURITY_POLICY } from '../../../main/services/static-files/page-policy';
import { testApi } from '../../support/test-api';
import { rawRequest, tryConnect, type RawResponse } from './http-helpers';
import { openSession } from './session-helpers';
import { makeStaticFixture } from './static-fixture';

// The browser-mode server, for real, on an ephemeral loopback port.

let server: BrowserServer;
/** `bts_session_PORT=HEX`: the session a redeemed launch link bought. */
let session: string;
const fixture = makeStaticFixture();
const t = testApi();

beforeAll(async () => {
  server = await startBrowserServer({ api: t.api, staticDir: fixture.root });
  session = await openSession(server);
});
afterAll(async () => {
  await server.close();
  fixture.cleanup();
  t.cleanup();
});

const host = () => `127.0.0.1:${server.port}`;
const sessionId = () => session.slice(session.indexOf('=') + 1);
const auth = () => ({ Cookie: session });
const post = (path: string, body: string, headers: Record<string, string | number> = {}) =>
  rawRequest({ port: server.port, method: 'POST', path, body, headers: { Host: host(), 'Content-Type': 'application/json', ...auth(), ...headers } });
const json = (r: RawResponse): { ok: boolean; value?: unknown; error?: { code: string; message: string } } => JSON.parse(r.body);

const expectSecurityHeaders = (r: RawResponse): void => {
  expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['referrer-policy']).toBe('no-referrer');
  for (const name of Object.keys(r.headers)) expect(name.startsWith('access-control-')).toBe(false);
};

describe('launch', () => {
  it('listens on a 127.0.0.1 origin and names its session cookie after its port', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.cookieName).toBe(`bts_session_${server.port}`);
    expect(session).toMatch(new RegExp(`^bts_session_${server.port}=[0-9a-f]{64}$`));
  });

  it('gives each launch its own sessions: a session of one server opens nothing on another', async () => {
    const other = await startBrowserServer({ api: t.api, staticDir: fixture.root });
    const otherSession = await openSession(other);
    const r = await rawRequest({
      port: other.port,
      method: 'POST',
      path: '/api/app.info',
      headers: { Host: `127.0.0.1:${other.port}`, 'Content-Type': 'application/json', Cookie: `${other.cookieName}=${sessionId()}` },
      body: '{}',
    });
    expect(r.status).toBe(401);
    expect(otherSession).not.toContain(sessionId());
    await other.close();
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    for (const bad of ['0.0.0.0', '::', 'localhost', '::1']) {
      await expect(startBrowserServer({ api: t.api, staticDir: fixture.root, host: bad })).rejects.toThrow(/127\.0\.0\.1 only/);
    }
  });
});

describe('API calls', () => {
  it('answers a good call with 200 and a Result, never cached', async () => {
    const r = await post('/api/app.info', '{}');
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: true, value: { mode: 'test' } });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expectSecurityHeaders(r);
  });

  it('keeps the session for every later call (a reload sends the same cookie), among other cookies', async () => {
    for (let i = 0; i < 3; i += 1) expect((await post('/api/app.info', '{}')).status).toBe(200);
    const r = await post('/api/app.info', '{}', { Cookie: `theme=dark; ${session}; other=1` });
    expect(json(r)).toMatchObject({ ok: true });
  });

  it('accepts an empty body as no arguments, and localhost as the host', async () => {
    const r = await post('/api/targets.list', '', { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` });
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ ok: true, value: [] });
  });

  it('answers an expected failure from a handler with 200 and ok:false', async () => {
    const r = await post('/api/targets.get', '{"id":"nope"}');
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'TARGET_NOT_FOUND' } });
  });

  it('answers a malformed payload with REQUEST_INVALID', async () => {
    const r = await post('/api/targets.get', '{"id":"x","extra":1}');
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });

  const refusals: Array<[string, () => Promise<RawResponse>, number, string]> = [
    ['no cookie', () => post('/api/app.info', '{}', { Cookie: '' }), 401, 'BROWSER_SESSION_INVALID'],
    ['a wrong session', () => post('/api/app.info', '{}', { Cookie: `${server.cookieName}=${'0'.repeat(64)}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['the session with one character changed', () => post('/api/app.info', '{}', { Cookie: `${server.cookieName}=${sessionId().slice(0, -1)}${sessionId().endsWith('a') ? 'b' : 'a'}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['a session prefix', () => post('/api/app.info', '{}', { Cookie: `${server.cookieName}=${sessionId().slice(0, 32)}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['the session in upper case', () => post('/api/app.info', '{}', { Cookie: `${server.cookieName}=${sessionId().toUpperCase()}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['the session under another port’s cookie name', () => post('/api/app.info', '{}', { Cookie: `bts_session_${server.port + 1}=${sessionId()}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['the session as a Bearer token (the old launch-token path)', () => post('/api/app.info', '{}', { Cookie: '', Authorization: `Bearer ${sessionId()}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['an unspent launch code as the cookie', () => post('/api/app.info', '{}', { Cookie: `${server.cookieName}=${new URL(server.launchUrl()).searchParams.get('code') ?? ''}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['Host: evil.example', () => post('/api/app.info', '{}', { Host: 'evil.example' }), 403, 'REQUEST_FORBIDDEN'],
    ['Host: evil.example with the port', () => post('/api/app.info', '{}', { Host: `evil.example:${server.port}` }), 403, 'REQUEST_FORBIDDEN'],
    ['Host: 127.0.0.1 on another port', () => post('/api/app.info', '{}', { Host: `127.0.0.1:${server.port + 1}` }), 403, 'REQUEST_FORBIDDEN'],
    ['Host: 127.0.0.1 without the port', () => post('/api/app.info', '{}', { Host: '127.0.0.1' }), 403, 'REQUEST_FORBIDDEN'],
    ['a foreign Origin', () => post('/api/app.info', '{}', { Origin: 'http://evil.example' }), 403, 'REQUEST_FORBIDDEN'],
    ['Origin: null', () => post('/api/app.info', '{}', { Origin: 'null' }), 403, 'REQUEST_FORBIDDEN'],
    ['an https Origin of the same host', () => post('/api/app.info', '{}', { Origin: `https://127.0.0.1:${server.port}` }), 403, 'REQUEST_FORBIDDEN'],
    ['an unknown method', () => post('/api/nope.nothing', '{}'), 404, 'METHOD_UNKNOWN'],
    ['a body that is not JSON', () => post('/api/app.info', '{not json'), 400, 'REQUEST_INVALID'],
    ['a text/plain body', () => post('/api/app.info', '{}', { 'Content-Type': 'text/plain' }), 415, 'REQUEST_INVALID'],
    ['a form body', () => post('/api/app.info', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'REQUEST_INVALID'],
    ['a 2 MiB body', () => post('/api/app.info', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) })), 413, 'REQUEST_INVALID'],
    [
      'a 2 MiB chunked body',
      () =>
        rawRequest({
          port: server.port,
          method: 'POST',
          path: '/api/app.info',
          headers: { Host: host(), 'Content-Type': 'application/json', ...auth() },
          body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }),
          chunked: true,
        }),
      413,
      'REQUEST_INVALID',
    ],
    ['OPTIONS (no CORS preflight)', () => rawRequest({ port: server.port, method: 'OPTIONS', path: '/api/app.info', headers: { Host: host(), Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } }), 403, 'REQUEST_FORBIDDEN'],
    ['OPTIONS from the page itself', () => rawRequest({ port: server.port, method: 'OPTIONS', path: '/api/app.info', headers: { Host: host() } }), 405, 'REQUEST_INVALID'],
    ['GET on an API route', () => rawRequest({ port: server.port, path: '/api/app.info', headers: { Host: host(), ...auth() } }), 405, 'REQUEST_INVALID'],
  ];
  it.each(refusals)('refuses %s', async (_label, send, status, code) => {
    const r = await send();
    expect(r.status).toBe(status);
    expect(json(r)).toMatchObject({ ok: false, error: { code } });
    expectSecurityHeaders(r);
    expect(r.body).not.toContain(sessionId());
  });

  it('still answers after the refusals (a 413 does not take the server down)', async () => {
    expect((await post('/api/app.info', '{}')).status).toBe(200);
  });
});

describe('static files', () => {
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest({ port: server.port, path, headers: { Host: host(), ...headers } });

  // Which files are served and which refused is one table run against this server and app://
  // alike: tests/main/services/static-files/both-page-servers.test.ts.

  it('refuses a page load through another host name (DNS rebinding)', async () => {
    const r = await get('/', { Host: 'rebind.evil.example' });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('fixture index');
  });

  it('refuses POST to a file path', async () => {
    const r = await rawRequest({ port: server.port, method: 'POST', path: '/', headers: { Host: host() }, body: '' });
    expect(r.status).toBe(405);
  });
});

describe('loopback only', () => {
  /** Listening TCP sockets on `port` from /proc/net/tcp{,6}: local address in kernel hex. */
  const listeners = (port: number): string[] => {
    const portHex = port.toString(16).toUpperCase().padStart(4, '0');
    const rows: string[] = [];
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        const local = cols[1];
        if (local !== undefined && cols[3] === '0A' && local.endsWith(`:${portHex}`)) rows.push(local);
      }
    }
    return rows;
  };

  it('has exactly one listening socket, on 127.0.0.1', () => {
    expect(listeners(server.port)).toEqual([`0100007F:${server.port.toString(16).toUpperCase().padStart(4, '0')}`]);
  });

  it('accepts on 127.0.0.1 and refuses 127.0.0.2 and ::1 on the same port', async () => {
    expect(await tryConnect('127.0.0.1', server.port)).toBe(true);
    expect(await tryConnect('127.0.0.2', server.port)).toBe('ECONNREFUSED');
    expect(await tryConnect('::1', server.port)).not.toBe(true);
  });
});
