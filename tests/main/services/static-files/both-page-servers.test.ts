import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../../main/electron/app-protocol';
import { startBrowserServer, type BrowserServer } from '../../../../main/server/browser-server';
import { PAGE_SECURITY_HEADERS } from '../../../../main/services/static-files/page-policy';
import { rawRequest } from '../../server/http-helpers';
import { makeStaticFixture } from '../../server/static-fixture';

// The desktop's app:// protocol and browser mode's loopback server serve the same out/renderer.
// One table of requests runs against both, through their public entry points: what one serves the
// other serves, what one refuses the other refuses, and both send the one page policy.

const fixture = makeStaticFixture();
let server: BrowserServer;
beforeAll(async () => {
  // No request here reaches the contract; a call would be a bug in the routing.
  server = await startBrowserServer({ api: { call: async () => Promise.reject(new Error('no API call expected')) }, staticDir: fixture.root });
});
afterAll(async () => {
  await server.close();
  fixture.cleanup();
});

interface Answer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const ENTRY_POINTS: ReadonlyArray<readonly [string, (path: string) => Promise<Answer>]> = [
  [
    'app://',
    async (path) => {
      const r = await createAppProtocolHandler(fixture.root)(new Request(`app://bundle${path}`));
      return { status: r.status, headers: Object.fromEntries(r.headers), body: await r.text() };
    },
  ],
  [
    'browser mode',
    async (path) => {
      const r = await rawRequest({ port: server.port, path, headers: { Host: `127.0.0.1:${server.port}` } });
      const headers = Object.entries(r.headers).map(([name, v]) => [name, Array.isArray(v) ? v.join(', ') : (v ?? '')]);
      return { status: r.status, headers: Object.fromEntries(headers), body: r.body };
    },
  ],
];

const file = (rel: string) => readFileSync(`${fixture.root}/${rel}`, 'utf8');

/** The one page policy on every answer, and never a CORS header. */
const expectPagePolicy = (answer: Answer): void => {
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()], name).toBe(value);
  expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
};

// [request path, content type, file it is]
const SERVED: ReadonlyArray<readonly [string, string, string]> = [
  ['/', 'text/html; charset=utf-8', 'index.html'],
  ['/index.html', 'text/html; charset=utf-8', 'index.html'],
  ['/assets/app.js', 'text/javascript; charset=utf-8', 'assets/app.js'],
  ['/assets/app.js?v=1', 'text/javascript; charset=utf-8', 'assets/app.js'],
  ['/assets/style.css', 'text/css; charset=utf-8', 'assets/style.css'],
  ['/assets/logo.svg', 'image/svg+xml', 'assets/logo.svg'],
  // A link that stays inside the root is followed.
  ['/assets/alias.js', 'text/javascript; charset=utf-8', 'assets/app.js'],
];

// [request path, why it is refused]
const REFUSED: ReadonlyArray<readonly [string, string]> = [
  ['/../outside.txt', '`..` climbs out'],
  ['/assets/../../outside.txt', '`..` climbs out'],
  ['/%2e%2e/outside.txt', 'encoded `..`'],
  ['/assets/%2e%2e/%2e%2e/outside.txt', 'encoded `..` twice'],
  ['/assets/..%2f..%2foutside.txt', 'encoded `/` hiding `..`'],
  ['/assets%2fapp.js', 'encoded `/`, even where harmless'],
  ['/assets/%2e%2e%5c%2e%2e%5coutside.txt', 'encoded `\\`'],
  ['/assets/link-out.txt', 'a file link out of the root'],
  ['/linked/outside.txt', 'a folder link out of the root'],
  ['/.env', 'a dot-file'],
  ['/.git/config', 'a file in a dot-folder'],
  ['/assets/env.txt', 'a link to a dot-file inside the root'],
  ['/index.html%00.js', 'an encoded NUL'],
  ['/%00', 'a NUL alone'],
  ['/%E0%A4%A', 'malformed percent-encoding'],
  ['/assets/blob.bin', 'a type the renderer is not made of'],
  ['/assets/', 'a folder'],
  ['/assets', 'a folder'],
  ['/missing.js', 'no such file'],
];

describe.each(ENTRY_POINTS)('%s', (_name, get) => {
  it.each(SERVED)('serves %s as %s', async (path, type, rel) => {
    const answer = await get(path);
    expect([answer.status, answer.headers['content-type']]).toEqual([200, type]);
    expect(answer.body).toBe(file(rel));
    expectPagePolicy(answer);
  });

  it.each(REFUSED)('answers 404 for %s (%s), with the page policy, and leaks nothing', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(404);
    expectPagePolicy(answer);
    for (const secret of ['OUTSIDE-SECRET', 'HIDDEN', 'fixture']) expect(answer.body).not.toContain(secret);
  });
});
