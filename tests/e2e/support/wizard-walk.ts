import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Focus is on `target` (not on the page) and `target` is scrolled into view. */
export const expectFocusedInView = async (page: Page, target: Locator): Promise<void> => {
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  expect(await page.evaluate(() => document.activeElement === document.body), 'focus fell to <body>').toBe(false);
};

/** A new Data Center draft with its three confirmations recorded: the wizard is on the Target step. */
export const dataCenterOnTarget = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Add Bitbucket target' }).click();
  await page.getByRole('button', { name: /Bitbucket Data Center/ }).click();
  await page.getByRole('button', { name: /Next: Data Center confirmations/ }).click();
  for (const key of ['ownership', 'api_root_reachable', 'scan_authorized']) {
    await page.locator(`#confirm-${key}`).check();
    await page.locator(`#confirm-${key}-by`).fill('Dana Admin, platform owner');
  }
  await page.getByRole('button', { name: 'Record confirmations and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3: Target' })).toBeFocused();
};

/** A corporate CA that did not issue the simulators' certificate: a TLS check against it fails. */
const FOREIGN_CA = resolve(import.meta.dirname, '../../fixtures/ca/corp-ca-a.pem');

/**
 * On the Target step: the base URL, approved tunnel and a foreign corporate CA entered, then "Save
 * and check the base URL" pressed — the check fails at the TLS stage.
 */
export const checkWithForeignCa = async (page: Page, baseUrl: string): Promise<void> => {
  await page.getByLabel('Base URL').fill(baseUrl);
  await page.locator('#allowlist-approved_tunnel').check();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CA file…' }).click();
  await (await chooser).setFiles(FOREIGN_CA);
  await expect(page.getByLabel('Corporate CA')).toContainText('Example Corp Issuing CA A');
  await page.getByRole('button', { name: 'Save and check the base URL' }).click();
};
