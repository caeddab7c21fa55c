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
