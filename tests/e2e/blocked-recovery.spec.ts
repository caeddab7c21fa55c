import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { startCloudTarget, storeApiToken } from './support/cloud-setup';
import { screenshot } from './support/screenshot';

test.use({ simulators: true });
test.setTimeout(180_000);

const cloudTargetWithToken = async (page: Page, token: string) => {
  await startCloudTarget(page, 'payments');
  await storeApiToken(page, token);
};

test('PROVIDER_AUTH_REQUIRED: a rejected token is explained with its fix, then a new token reconnects', async ({ app, page, main }) => {
  expect(app.sims).not.toBeNull();
  await cloudTargetWithToken(page, 'ATATT-this-token-is-not-valid');
  const blocked = page.locator('[data-code="PROVIDER_AUTH_REQUIRED"]').first();
  await expect(blocked).toBeVisible();
  await expect(blocked).toContainText('What it means');
  await expect(blocked).toContainText('enter a new API token');
  await expect(blocked.getByRole('button', { name: /Copy code/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Setup steps' }).getByText(/Locked: Store and test a working credential first/).first()).toBeVisible();
  await screenshot(page, '15-auth-required');
  await expectNoAxeViolations(page, 'Credentials (rejected)');

  await page.locator('#auth-secret').fill(main.node.CLOUD_SECRETS.apiToken);
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  await expect(page.getByText('Accepted')).toBeVisible();
  await expect(page.getByRole('button', { name: /Next: Issue availability/ })).toBeEnabled();
});

test('PROVIDER_SCOPE_UNAVAILABLE: a token without the repository scope is explained, native is refused and the portable fallback is configured and saved', async ({ app, page, main }) => {
  expect(app.sims).not.toBeNull();
  await cloudTargetWithToken(page, main.node.CLOUD_SECRETS.apiTokenNoRepo);
  await expect(page.locator('[data-code="PROVIDER_SCOPE_UNAVAILABLE"]').first()).toBeVisible();
  await page.getByRole('button', { name: /Next: Issue availability/ }).click();
  const blocked = page.locator('[data-code="PROVIDER_SCOPE_UNAVAILABLE"]').first();
  await expect(blocked).toContainText('Grant the listed scopes');
  await expect(blocked.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(page.locator('#route-native')).toBeDisabled();
  await page.locator('#route-portable').click();
  await expect(page.locator('#route-portable')).toBeChecked();
  await screenshot(page, '16-scope-unavailable-fallback');
  await expectNoAxeViolations(page, 'Issue availability (scope unavailable)');
  // The seed: "fix the URL or scope, or use Jira or portable fallback". The fallback is configured
  // and saved; the scope code no longer blocks once the work is routed away from native issues.
  await page.getByRole('button', { name: /Next: Route details/ }).click();
  await page.getByLabel('Format').selectOption('csv');
  await expect(page.getByText('Portable export configured: CSV.')).toBeVisible();
  await page.getByRole('button', { name: /Next: Review & save/ }).click();
  await expect(page.locator('[data-state="fallback"]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByText('Saved. Verdict: ready.')).toBeVisible();
});
