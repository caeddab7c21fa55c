import { test as base, expect } from '@playwright/test';
import { RENDERER_OUT } from './build-renderer';
import { guardConsole } from './console-guard';
import { loadMain, type MainLoader } from './main-loader';
import type { BrowserMode } from './start-browser-mode';

export type { BrowserMode } from './start-browser-mode';

/**
 * `app`: a fresh browser-mode server per test (own data dir, own keychain service), the page
 * opened on a one-time launch link (which sets the session cookie and redirects to the app), and a
 * check after the test that the page logged no console error, page error or failed request.
 */
export const test = base.extend<{ app: BrowserMode; simulators: boolean }, { main: MainLoader }>({
  simulators: [false, { option: true }],
  main: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const main = await loadMain();
      await use(main);
      await main.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, main, simulators }, use) => {
    const mode = await main.node.startBrowserMode(RENDERER_OUT, { simulators });
    const guard = guardConsole(page);
    await page.goto(mode.server.launchUrl());
    await use(mode);
    // What the page logged while the test ran; a call still in flight when the server shuts down
    // below (the status screen reloading its list after the last click) fails then, not in the test.
    const problems = [...guard.problems];
    await mode.close();
    expect(problems, 'console errors, page errors or failed requests').toEqual([]);
  },
});

export { expect };
