import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ViteDevServer } from 'vite';
import { BRIDGE_GLOBAL, METHOD_NAMES } from '../../shared/contract/method-names';
import { RENDERER_OUT } from './support/build-renderer';
import type { AppProtocolServer, startAppProtocolServer } from './support/app-protocol-server';
import { guardConsole } from './support/console-guard';
import { ssrLoader } from './support/main-loader';

// The built renderer, delivered exactly as the desktop shell delivers it (the app:// protocol
// handler with its CSP response header), with a stand-in for the preload bridge that calls the
// real api. Proves the UI runs under the strict CSP, and that Chromium enforces it.

const ROOT = resolve(import.meta.dirname, '../..');
let vite: ViteDevServer;
let start: typeof startAppProtocolServer;
let shell: AppProtocolServer;

test.beforeAll(async () => {
  vite = await ssrLoader();
  const mod = (await vite.ssrLoadModule(resolve(ROOT, 'tests/e2e/support/app-protocol-server.ts'))) as {
    startAppProtocolServer: typeof startAppProtocolServer;
  };
  start = mod.startAppProtocolServer;
});
test.afterAll(async () => {
  await vite.close();
});
test.beforeEach(async () => {
  shell = await start(RENDERER_OUT);
});
test.afterEach(async () => {
  await shell.close();
});

/** A stand-in for the preload bridge that calls the real api, and a record of every CSP violation. */
const withBridge = async (page: Page): Promise<void> => {
  await page.exposeFunction('__btsInvoke', (name: string, input: unknown) => shell.api.call(name, input));
  await page.addInitScript(
    ({ global, names }) => {
      const w = window as unknown as Record<string, unknown> & { __btsInvoke: (n: string, i: unknown) => Promise<unknown> };
      const verbs = Object.fromEntries(names.map((n) => [n, (input: unknown) => w.__btsInvoke(n, input)]));
      w[global] = Object.freeze({ ...verbs, on: () => () => undefined });
      const violations: string[] = [];
      w.__cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
    { global: BRIDGE_GLOBAL, names: [...METHOD_NAMES] },
  );
};

test('the app page runs under the shell CSP header, through a bridge shaped like the preload one', async ({ page }) => {
  const guard = guardConsole(page);
  await withBridge(page);

  const response = await page.goto(`${shell.origin}/index.html`);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.getByRole('heading', { level: 1, name: 'Bitbucket Target Setup' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Integration status' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(guard.problems, 'console errors, page errors or failed requests').toEqual([]);

  // The policy is enforced, not just sent: an injected inline script does not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toContainEqual(expect.stringMatching(/^script-src/));
});

test('the inlined stylesheet applies under its pinned hash, and an injected inline style does not', async ({ page }) => {
  const guard = guardConsole(page);
  await withBridge(page);
  const response = await page.goto(`${shell.origin}/index.html`);
  // One request for the page's styles: none. The header pins the inline text's hash, and it is
  // the page's only policy: the build removed the meta copy (it holds back Chromium's preloads).
  const header = response?.headers()['content-security-policy'] ?? '';
  const pinned = /style-src 'self' '(sha256-[A-Za-z0-9+/=]+)'/u.exec(header)?.[1];
  expect(pinned, header).toBeDefined();
  expect(header).not.toContain('unsafe-inline');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy" i]').count()).toBe(0);
  await expect(page.getByRole('heading', { name: 'Integration status' })).toBeVisible();
  // The stylesheet applied: the header is laid out as styles.css says (a flex row), not as a plain block.
  expect(await page.locator('.app-header').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  // Any other inline style is refused: an injected <style> changes nothing and is reported.
  const applied = await page.evaluate(async () => {
    const s = document.createElement('style');
    s.textContent = '.app-header { display: none !important; }';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return getComputedStyle(document.querySelector('.app-header') as Element).display;
  });
  expect(applied).toBe('flex');
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toContainEqual(expect.stringMatching(/^style-src/));
  expect(guard.problems.filter((p) => !p.includes('Content Security Policy')), 'console errors, page errors or failed requests').toEqual([]);
});
