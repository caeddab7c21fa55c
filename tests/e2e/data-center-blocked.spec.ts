import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';
import { expectVisibleFocus, tabTo } from './support/keyboard';

test('Data Center with the keyboard alone: confirmations gate the URL, a metadata address is blocked and credentials stay locked', async ({ app, page }) => {
  expect(app.server.port).toBeGreaterThan(0);
  const add = page.getByRole('button', { name: 'Add Bitbucket target' });
  await tabTo(page, add);
  await expectVisibleFocus(add);
  await page.keyboard.press('Enter');

  await tabTo(page, page.getByRole('button', { name: /Bitbucket Data Center/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Draft saved/)).toBeVisible();

  // Before the confirmations, the Target step (and with it the base URL) is locked, with the reason.
  const steps = page.getByRole('navigation', { name: 'Setup steps' });
  await expect(steps.getByText(/Locked: The base URL is asked only after/)).toBeVisible();
  await expect(page.getByLabel('Base URL')).toHaveCount(0);

  await tabTo(page, page.getByRole('button', { name: /Next: Data Center confirmations/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Step 2: Data Center confirmations' })).toBeFocused();
  await expectNoAxeViolations(page, 'Data Center confirmations');

  for (const [key, who] of [
    ['ownership', 'Dana Admin, platform owner'],
    ['api_root_reachable', 'Dana Admin, network team'],
    ['scan_authorized', 'Chris CISO'],
  ] as const) {
    await tabTo(page, page.locator(`#confirm-${key}`));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator(`#confirm-${key}-by`));
    await page.keyboard.type(who);
  }
  const record = page.getByRole('button', { name: 'Record confirmations and continue' });
  await tabTo(page, record);
  await screenshot(page, '03-data-center-confirmations');
  await record.focus();
  await page.keyboard.press('Enter');
  // One commit: Record saves the three and opens the Target step, whose heading takes focus.
  await expect(steps.getByRole('button', { name: /Target/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Step 3: Target' })).toBeFocused();
  const baseUrl = page.getByLabel('Base URL');
  await expect(baseUrl).toBeEnabled();
  await tabTo(page, baseUrl);
  await page.keyboard.type('https://169.254.169.254/');
  await tabTo(page, page.getByRole('button', { name: 'Save and check the base URL' }));
  await page.keyboard.press('Enter');

  const blocked = page.locator('[data-code="PROVIDER_BASE_URL_BLOCKED"]');
  await expect(blocked).toBeVisible();
  await expect(blocked).toContainText('reserved_ip');
  await expect(blocked).toContainText('What to do');
  await expect(blocked.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(page.locator('[data-stage="addresses"]')).toHaveAttribute('data-status', 'failed');
  await expectNoAxeViolations(page, 'Target step (blocked)');
  await blocked.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await screenshot(page, '04-target-url-blocked');

  // The credential step stays locked, so no secret field can be reached.
  await expect(steps.getByText(/Locked: The base URL failed the URL-safety checks/)).toBeVisible();
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
});
