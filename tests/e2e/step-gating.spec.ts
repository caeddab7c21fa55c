import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';
import { checkWithForeignCa, dataCenterOnTarget } from './support/wizard-walk';

// Issue 14 item 3: one gate per step. A probe that failed (here at TLS: the target names a
// corporate CA that did not issue the server's certificate) keeps Next disabled with the real
// reason, and the Credentials lock names the failing stage; before, "Next: Credentials" stayed
// enabled beside the red box because only the URL-safety stages counted. Edited fields are marked
// unsaved, hold Next, and "Check again" checks what the field holds, not the saved URL.

test.use({ simulators: true });
test.setTimeout(180_000);

test('Next stays disabled while a stage failed, the lock names the stage, and Check again checks the edited field', async ({ app, page }) => {
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  await dataCenterOnTarget(page);
  await checkWithForeignCa(page, sims.dataCenter);

  await expect(page.locator('[data-stage="tls"]')).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('[data-code="PROVIDER_BASE_URL_BLOCKED"]')).toContainText('Failed at the TLS stage');
  const next = page.getByRole('button', { name: /Next: Credentials/ });
  await expect(next).toBeDisabled();
  await expect(page.locator('#next-why')).toContainText('failed the URL-safety checks at the TLS stage (tls)');
  const steps = page.getByRole('navigation', { name: 'Setup steps' });
  await expect(steps.locator('[data-step="credentials"]')).toContainText('Locked: The base URL failed the URL-safety checks at the TLS stage (tls)');
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Target step (TLS failed, Next disabled)');
  await screenshot(page, '23-next-disabled-tls-failed');

  // An edit is marked unsaved and holds Next; "Check again" saves the field and checks it.
  await page.getByLabel('Base URL').fill('https://169.254.169.254/');
  await expect(page.locator('[data-unsaved]').first()).toContainText('Base URL');
  await expect(page.locator('[data-stale="true"]')).toContainText('results are for the saved base URL');
  await expect(steps.locator('[data-step="target"]')).toContainText('Unsaved changes');
  await expectNoAxeViolations(page, 'Target step (unsaved changes)');
  await screenshot(page, '24-target-unsaved-changes');
  await page.getByRole('button', { name: 'Check again' }).first().click();
  await expect(page.locator('[data-stage="addresses"]')).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('[data-stage="syntax"]')).toContainText('169.254.169.254');
  await expect(page.locator('[data-unsaved]')).toHaveCount(0);
  await expect(page.locator('#next-why')).toContainText('at the Addresses stage (reserved_ip)');
  await expect(next).toBeDisabled();
});
