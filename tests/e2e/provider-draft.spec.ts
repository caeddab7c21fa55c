import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

test('choosing Data Center in the Provider step saves a draft that the status screen shows with its blocking codes', async ({ app, page }) => {
  expect(app.server.port).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Bitbucket Target Setup' })).toBeVisible();
  await expect(page.getByText(/^version \d+\.\d+\.\d+/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Integration status' })).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);
  await expectNoAxeViolations(page, 'Integration status (empty)');

  await page.getByRole('button', { name: 'Add Bitbucket target' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1: Provider' })).toBeVisible();
  await expectNoAxeViolations(page, 'Provider step');
  await page.getByRole('button', { name: /Bitbucket Data Center/ }).click();
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Bitbucket Data Center/ })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'Provider step (chosen)');
  await screenshot(page, '02-provider');

  await page.getByRole('button', { name: 'Back to Integration status' }).click();
  const card = page.getByRole('list', { name: 'Saved targets' }).locator(':scope > li');
  await expect(card).toHaveCount(1);
  await expect(card.getByText('Bitbucket Data Center · Self-hosted')).toBeVisible();
  await expect(card.getByText('Blocked')).toBeVisible();
  await expect(card.getByText('ALLOWLIST_STATUS_MISSING')).toBeVisible();
  await expect(card.getByText('PROVIDER_AUTH_REQUIRED')).toBeVisible();
  await expectNoAxeViolations(page, 'Integration status (one draft)');
  await screenshot(page, '01-integration-status');
});
