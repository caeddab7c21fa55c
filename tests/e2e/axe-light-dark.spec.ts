import { expectNoAxeViolationsInBothSchemes } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

// Issue 14 acceptance: every screen of the wizard (and the status and reviewer screens around it)
// axe-clean in light and in dark, on one Data Center walk to an exported bundle; the Review step's
// configuration, the export's "what to send to whom" and the narrow-window stepper are captured.

test.use({ simulators: true });
test.setTimeout(240_000);

const bothSchemes = expectNoAxeViolationsInBothSchemes;

test('every screen of a Data Center walk is axe-clean in light and dark', async ({ app, page, main }) => {
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  await expect(page.getByRole('button', { name: 'Add Bitbucket target' })).toBeVisible();
  await bothSchemes(page, 'Integration status');

  await page.getByRole('button', { name: 'Add Bitbucket target' }).click();
  await bothSchemes(page, 'Provider');
  await page.getByRole('button', { name: /Bitbucket Data Center/ }).click();
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await page.getByRole('button', { name: /Next: Data Center confirmations/ }).click();
  for (const key of ['ownership', 'api_root_reachable', 'scan_authorized']) {
    await page.locator(`#confirm-${key}`).check();
    await page.locator(`#confirm-${key}-by`).fill('Dana Admin, platform owner');
  }
  await bothSchemes(page, 'Data Center confirmations');
  await page.getByRole('button', { name: 'Record confirmations and continue' }).click();

  await page.getByLabel('Base URL').fill(sims.dataCenter);
  await page.getByLabel('Project key (optional)').fill('SEC');
  await page.getByLabel('Repository slug (optional)').fill('payments');
  await page.locator('#allowlist-allowlisted').check();
  await bothSchemes(page, 'Target (unsaved, allowlisted)');
  await page.locator('#allowlist-approved_tunnel').check();
  await page.getByRole('button', { name: 'Save and check the base URL' }).click();
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  await bothSchemes(page, 'Target (passed)');

  await page.getByRole('button', { name: /Next: Credentials/ }).click();
  await expect(page.locator('[data-help="dataCenterHttpAccessToken"]')).toBeVisible();
  await bothSchemes(page, 'Credentials');
  await page.locator('#auth-secret').fill(main.node.DC_SECRETS.token);
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  await expect(page.getByRole('region', { name: 'Connection' })).toContainText('Accepted');
  await bothSchemes(page, 'Credentials (tested)');

  await page.getByRole('button', { name: /Next: Issue availability/ }).click();
  await bothSchemes(page, 'Issue availability');
  await page.locator('#route-portable').click();
  await expect(page.locator('#route-portable')).toBeChecked();
  await page.getByRole('button', { name: /Next: Route details/ }).click();
  await expect(page.getByText('Portable export configured: JSON.')).toBeVisible();
  await bothSchemes(page, 'Route details (portable)');

  await page.getByRole('button', { name: /Next: Review & save/ }).click();
  const config = page.getByLabel('Configuration to be saved');
  await expect(config.locator('[data-field="allowlist_status"]')).toContainText('Approved tunnel');
  await expect(config.locator('[data-field="confirmations"]')).toContainText('Dana Admin, platform owner');
  await expect(page.locator('[data-save-needed="true"]')).toBeVisible();
  await expect(page.getByRole('button', { name: /Next: Export/ })).toBeDisabled();
  await bothSchemes(page, 'Review (before Save)');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByText(/Saved\. Verdict: ready\./)).toBeVisible();
  await page.getByRole('heading', { name: 'Configuration to be saved' }).scrollIntoViewIfNeeded();
  await screenshot(page, '27-review-configuration');

  await page.getByRole('button', { name: /Next: Export/ }).click();
  await page.getByRole('button', { name: 'Create the signing key' }).click();
  await expect(page.locator('[data-fingerprint]').first()).toBeVisible();
  await bothSchemes(page, 'Export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export and save the bundle file' }).click()]);
  const done = page.locator('[data-result-for="bundle.export"]');
  await expect(done).toContainText('what to send to whom');
  await expect(done).toContainText(download.suggestedFilename());
  await bothSchemes(page, 'Export (done)');
  await screenshot(page, '28-export-what-to-send');

  // Below 900 px the step list is a compact stepper above the step.
  await page.setViewportSize({ width: 820, height: 700 });
  await expect(page.getByRole('navigation', { name: 'Setup steps' }).getByText('Step 8 of 8')).toBeVisible();
  await bothSchemes(page, 'Export (narrow window)');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '29-narrow-stepper');

  await page.getByRole('button', { name: 'Back to Integration status' }).click();
  await page.getByRole('button', { name: 'Review a bundle' }).click();
  await bothSchemes(page, 'Reviewer');
});
