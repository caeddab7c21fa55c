import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../main/server/browser-server';
import { BROWSER_MODE_CSP } from '../../../main/server/security-headers';
import { testApi } from '../../support/test-api';
import { rawRequest, tryConnect, type RawResponse } from './http-helpers';
import { makeStaticFixture } from './static-fixture';

// The browser-mode server, for real, on an ephemeral loopback port.

let server: BrowserServer;
const fixture = makeStaticFixture();
const t = testApi();

beforeAll(async () => {
  server = await startBrowserServer({ api: t.api, staticDir: fixture.root });
});
afterAll(async () => {
  await server.close();
  fixture.cleanup();
  t.cleanup();
});

const host = () => `127.0.0.1:${server.port}`;
const auth = () => ({ Authorization: `Bearer ${server.token}` });
const post = (path: string, body: string, headers: Record<string, string | number> = {}) =>
  rawRequest({ port: server.port, method: 'POST', path, body, headers: { Host: host(), 'Content-Type': 'application/json', ...auth(), ...headers } });
const json = (r: RawResponse): { ok: boolean; value?: unknown; error?: { code: string; message: string } } => JSON.parse(r.body);

const expectSecurityHeaders = (r: RawResponse): void => {
  expect(r.headers['content-security-policy']).toBe(BROWSER_MODE_CSP);
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['referrer-policy']).toBe('no-referrer');
  for (const name of Object.keys(r.headers)) expect(name.startsWith('access-control-')).toBe(false);
};

describe('launch token and URL', () => {
  it('hands out a 256-bit token in the URL fragment of a 127.0.0.1 URL', () => {
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  it('uses a new token for every launch', async () => {
    const other = await startBrowserServer({ api: t.api, staticDir: fixture.root });
    expect(other.token).not.toBe(server.token);
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
    ['no token', () => post('/api/app.info', '{}', { Authorization: '' }), 401, 'BROWSER_SESSION_INVALID'],
    ['a wrong token', () => post('/api/app.info', '{}', { Authorization: `Bearer ${'0'.repeat(64)}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['the token with one character changed', () => post('/api/app.info', '{}', { Authorization: `Bearer ${server.token.slice(0, -1)}${server.token.endsWith('a') ? 'b' : 'a'}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['a token prefix', () => post('/api/app.info', '{}', { Authorization: `Bearer ${server.token.slice(0, 32)}` }), 401, 'BROWSER_SESSION_INVALID'],
    ['the token as Basic', () => post('/api/app.info', '{}', { Authorization: `Basic ${server.token}` }), 401, 'BROWSER_SESSION_INVALID'],
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
    expect(r.body).not.toContain(server.token);
  });

  it('still answers after the refusals (a 413 does not take the server down)', async () => {
    expect((await post('/api/app.info', '{}')).status).toBe(200);
  });
});

describe('static files', () => {
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest({ port: server.port, path, headers: { Host: host(), ...headers } });

  const served: Array<[string, string, string]> = [
    ['/', 'text/html; charset=utf-8', 'index.html'],
    ['/index.html', 'text/html; charset=utf-8', 'index.html'],
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'assets/app.js'],
    ['/assets/app.js?v=1', 'text/javascript; charset=utf-8', 'assets/app.js'],
    ['/assets/style.css', 'text/css; charset=utf-8', 'assets/style.css'],
    ['/assets/logo.svg', 'image/svg+xml', 'assets/logo.svg'],
    ['/assets/blob.bin', 'application/octet-stream', 'assets/blob.bin'],
  ];
  it.each(served)('serves %s as %s', async (path, type, file) => {
    const r = await get(path);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.body).toBe(readFileSync(`${fixture.root}/${file}`, 'utf8'));
    expectSecurityHeaders(r);
  });

  const missing = [
    '/missing.js',
    '/assets',
    '/assets/',
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/assets/%2e%2e%5c%2e%2e%5coutside.txt',
    '/assets/link-out.txt',
    '/.env',
    '/index.html%00.js',
    '/%E0%A4%A',
  ];
  it.each(missing)('answers 404 for %s and never leaks a file outside the root', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('OUTSIDE-SECRET');
    expect(r.body).not.toContain('HIDDEN');
  });

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
