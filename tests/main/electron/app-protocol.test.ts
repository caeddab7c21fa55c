import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveBundlePath } from '../../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/csp';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'bts-proto-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves the entry page with the CSP as a response header', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('serves / as index.html and assets with their type', async () => {
    expect(await (await get('app://bundle/')).text()).toContain('<title>');
    const js = await get('app://bundle/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/assets/%2e%2e%2f..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/missing.html',
    'app://bundle/%00index.html',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'https://bundle/index.html',
  ])('refuses %s with 404 and still sends the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('refuses anything but GET', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
  });

  it('maps only files inside the root', () => {
    expect(resolveBundlePath('app://bundle/assets/app.js', root)).toBe(join(root, 'assets', 'app.js'));
    // The URL parser folds an encoded `..` at the root away; what is left stays inside the root.
    expect(resolveBundlePath('app://bundle/%2e%2e/secret.txt', root)).toBe(join(root, 'secret.txt'));
    expect(resolveBundlePath('app://bundle/a/..%2f..%2f..%2fsecret.txt', root)).toBeNull();
    expect(resolveBundlePath('app://bundle/index.exe', root)).toBeNull();
  });
});
