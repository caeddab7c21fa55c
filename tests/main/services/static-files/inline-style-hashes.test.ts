import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../../main/electron/app-protocol';
import { startBrowserServer } from '../../../../main/server/browser-server';
import { builtPageStyleHashes, styleHashesOf } from '../../../../main/services/static-files/inline-style-hashes';
import { CONTENT_SECURITY_POLICY, headerPolicy } from '../../../../main/services/static-files/page-policy';
import { rawRequest } from '../../server/http-helpers';

// The built page inlines its stylesheet (build/inline-stylesheet.ts); both page servers pin that
// exact text's hash in their header policy, read from the built page once, and nothing else
// inline. That the browser applies the pinned style and refuses any other is proven in Chromium
// (tests/e2e/desktop-shell-csp.spec.ts).

// `printf 'a{color:red}\n' | openssl dgst -sha256 -binary | base64`: the hash CSP computes, made by another tool.
const RED = 'a{color:red}\n';
const RED_HASH = 'sha256-8e/a53E8pD0reBM7qquiWvKITpZgFpBiFcZDadvq2JA=';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const builtPage = (html: string | null): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bts-inline-style-'));
  dirs.push(dir);
  if (html !== null) writeFileSync(join(dir, 'index.html'), html);
  return dir;
};

describe('the inline stylesheet hashes of a built page', () => {
  it.each([
    ['one inline stylesheet', `<head><style>${RED}</style></head>`, [RED_HASH]],
    ['none (a development build, a test folder)', '<head><link rel="stylesheet" href="./a.css"></head>', []],
    ['the text exactly: one more space is another hash', `<style> ${RED}</style>`, [expect.not.stringMatching(RED_HASH)]],
  ] as const)('%s', (_name, html, hashes) => {
    expect(styleHashesOf(html)).toEqual(hashes);
  });

  it('no built page: none, and the policy stays style-src self', () => {
    expect(builtPageStyleHashes(builtPage(null))).toEqual([]);
    expect(headerPolicy([])).toBe(CONTENT_SECURITY_POLICY);
  });

  it("pins the hash in style-src, never 'unsafe-inline', and changes nothing else", () => {
    const pinned = headerPolicy([RED_HASH]);
    expect(pinned).toContain(`style-src 'self' '${RED_HASH}'`);
    expect(pinned).not.toMatch(/unsafe-inline|unsafe-hashes/u);
    expect(pinned.replace(` '${RED_HASH}'`, '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('both page servers send the built page with its stylesheet hash pinned, and only that one', async () => {
    const root = builtPage(`<!doctype html><head><style>${RED}</style></head><body></body>`);
    const expected = headerPolicy([RED_HASH]);
    const desktop = await createAppProtocolHandler(root)(new Request('app://bundle/index.html'));
    expect(desktop.headers.get('content-security-policy')).toBe(expected);
    const server = await startBrowserServer({ api: { call: async () => Promise.reject(new Error('no API call expected')) }, staticDir: root });
    try {
      const r = await rawRequest({ port: server.port, path: '/index.html', headers: { Host: `127.0.0.1:${server.port}` } });
      expect(r.headers['content-security-policy']).toBe(expected);
    } finally {
      await server.close();
    }
  });
});
