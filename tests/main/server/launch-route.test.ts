import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../main/server/browser-server';
import { CONTENT_SECURITY_POLICY } from '../../../main/services/static-files/page-policy';
import { testApi } from '../../support/test-api';
import { rawRequest, type RawResponse } from './http-helpers';
import { openLink, pathOf, setCookieOf } from './session-helpers';
import { makeStaticFixture } from './static-fixture';

// The one-time launch link: GET /launch?code=HEX buys a session cookie once, on a real server.

const TTL_MS = 60_000;
let clock = 1_000_000;
let server: BrowserServer;
const fixture = makeStaticFixture();
const t = testApi();

beforeAll(async () => {
  server = await startBrowserServer({ api: t.api, staticDir: fixture.root, session: { codeTtlMs: TTL_MS, now: () => clock } });
});
afterAll(async () => {
  await server.close();
  fixture.cleanup();
  t.cleanup();
});

const codeOf = (url: string): string => new URL(url).searchParams.get('code') ?? '';
const callWith = (cookie: string): Promise<RawResponse> =>
  rawRequest({ port: server.port, method: 'POST', path: '/api/app.info', body: '{}', headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Cookie: cookie } });

const expectRefused = (r: RawResponse): void => {
  expect(r.status).toBe(401);
  expect(setCookieOf(r)).toBeNull();
  expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(r.body).toContain('BROWSER_SESSION_INVALID');
  expect(r.body).not.toMatch(/<script/i);
  expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
};

describe('launch links', () => {
  it('are http://127.0.0.1:PORT/launch?code=<256-bit hex>, a new code each time', () => {
    const a = server.launchUrl();
    const b = server.launchUrl();
    expect(a).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/launch\\?code=[0-9a-f]{64}$`));
    expect(codeOf(a)).not.toBe(codeOf(b));
  });

  it('redeem once for an HttpOnly, SameSite=Strict, Path=/ session cookie and redirect to the app', async () => {
    const url = server.launchUrl();
    const r = await openLink(server, url);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const cookie = setCookieOf(r) ?? '';
    const [pair = '', ...attributes] = cookie.split(';').map((part) => part.trim());
    expect(pair).toMatch(new RegExp(`^${server.cookieName}=[0-9a-f]{64}$`));
    // The session is a new secret, not the code that bought it.
    expect(pair).not.toContain(codeOf(url));
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    expect((await callWith(pair)).status).toBe(200);

    const again = await openLink(server, url);
    expectRefused(again);
  });

  it('expire: a code unused for its lifetime buys nothing', async () => {
    const url = server.launchUrl();
    clock += TTL_MS;
    expectRefused(await openLink(server, url));
    clock += 1;
  });

  it('work until just before they expire', async () => {
    const url = server.launchUrl();
    clock += TTL_MS - 1;
    expect((await openLink(server, url)).status).toBe(303);
  });

  it('run their onRedeemed hook once, on the first use only', async () => {
    let calls = 0;
    const url = server.launchUrl(() => {
      calls += 1;
    });
    expect(calls).toBe(0);
    await openLink(server, url);
    await openLink(server, url);
    expect(calls).toBe(1);
  });

  it('refuse a guessed, altered or malformed code, and the real one still works afterwards', async () => {
    const url = server.launchUrl();
    const code = codeOf(url);
    const flipped = `${code.slice(0, -1)}${code.endsWith('a') ? 'b' : 'a'}`;
    const bad = [
      '/launch',
      '/launch?code=',
      `/launch?code=${'0'.repeat(64)}`,
      `/launch?code=${flipped}`,
      `/launch?code=${code.slice(0, 63)}`,
      `/launch?code=${code}0`,
      `/launch?code=${code.toUpperCase()}`,
      `/launch?code=%20${code}`,
      `/launch?token=${code}`,
      `/launch?code=${'g'.repeat(64)}`,
    ];
    for (const path of bad) expectRefused(await openLink(server, path));
    expect((await openLink(server, pathOf(url))).status).toBe(303);
  });

  it('are not spent by HEAD, POST, another Host or a foreign Origin', async () => {
    const url = server.launchUrl();
    const path = pathOf(url);
    const host = `127.0.0.1:${server.port}`;
    const notSpending: Array<[RawResponse, number]> = [
      [await rawRequest({ port: server.port, method: 'HEAD', path, headers: { Host: host } }), 405],
      [await rawRequest({ port: server.port, method: 'POST', path, headers: { Host: host }, body: '' }), 405],
      [await openLink(server, path, { Host: 'rebind.evil.example' }), 403],
      [await openLink(server, path, { Origin: 'http://evil.example' }), 403],
      [await openLink(server, path, { Origin: 'null' }), 403],
    ];
    for (const [r, status] of notSpending) {
      expect(r.status).toBe(status);
      expect(setCookieOf(r)).toBeNull();
    }
    expect((await openLink(server, path)).status).toBe(303);
  });

  it('give each redemption its own session', async () => {
    const first = setCookieOf(await openLink(server, server.launchUrl()));
    const second = setCookieOf(await openLink(server, server.launchUrl()));
    expect(first).not.toBeNull();
    expect(first).not.toBe(second);
  });
});
