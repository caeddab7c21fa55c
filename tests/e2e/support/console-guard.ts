import type { Page } from '@playwright/test';

/** Collects console errors, failed requests and uncaught page errors; a spec fails on any. */
export const guardConsole = (page: Page): { readonly problems: string[] } => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return { problems };
};
