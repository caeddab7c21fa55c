import { expect, test } from '@playwright/test';
import { PRIVATE_KEYRING_NOTE } from '../../shared/contract/health';
import { describeError } from '../../shared/errors/catalog';
import { expectNoAxeViolations } from './support/axe';
import { startCloudTarget } from './support/cloud-setup';
import { guardConsole } from './support/console-guard';
import { screenshot } from './support/screenshot';
import { NO_SESSION_BUS, startServeChild } from './support/serve-child';

// A headless jump host without a Secret Service, for real: `serve` runs in its own process whose
// session bus address names nothing. The status screen's health panel says so with the way out,
// and a credential the admin tries to store fails with KEYCHAIN_UNAVAILABLE on screen, and stays.
// With --private-keyring the same host gets a throw-away unlocked keyring for the run, and the
// UI says the credentials last only for it.

test.setTimeout(180_000);

const WAY_OUT = describeError('KEYCHAIN_UNAVAILABLE').fix;

test('no Secret Service: the health panel names it with the way out, and a refused store stays on screen as KEYCHAIN_UNAVAILABLE', async ({ page }) => {
  const serve = await startServeChild([], { DBUS_SESSION_BUS_ADDRESS: NO_SESSION_BUS });
  const guard = guardConsole(page);
  try {
    await page.goto(serve.launchUrl);
    const health = page.getByRole('region', { name: 'This machine' });
    await expect(health.locator('[data-health="keychain"]')).toHaveAttribute('data-status', 'unavailable');
    await expect(health.locator('[data-keychain="unavailable"]')).toContainText('No Secret Service is running on this session bus');
    await expect(health.locator('[data-keychain="unavailable"]')).toContainText(WAY_OUT);
    await expect(health.locator('[data-health="signing_key"]')).toContainText('unknown');
    await expect(health.locator('[data-health="mode"]')).toContainText('browser mode');
    await expect(health.locator('[data-health="runtime"]')).toContainText(`Node ${process.versions.node}`);
    await expectNoAxeViolations(page, 'Integration status (no keychain)');
    await screenshot(page, '17-health-no-keychain');

    await startCloudTarget(page, 'payments');
    // The step says it before the admin pastes anything.
    await expect(page.locator('[data-keychain="unavailable"]')).toContainText(WAY_OUT);
    await page.getByRole('textbox', { name: 'Atlassian account e-mail' }).fill('dana@acme.example');
    await page.locator('#auth-secret').fill('ATATT3x-no-keychain-e2e-token');
    await page.getByRole('button', { name: 'Store and test connection' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'KEYCHAIN_UNAVAILABLE' });
    await expect(alert).toContainText('Storing the credential in the keychain failed');
    await expect(alert).toContainText(WAY_OUT);
    // Lasting: still there after other answers arrive and time passes, until the admin acts on it.
    await page.waitForTimeout(1500);
    await page.locator('#auth-api_token').check();
    await expect(alert).toBeVisible();
    await expect(page.getByText('No credential stored yet.')).toBeVisible();
    expect(await page.content()).not.toContain('ATATT3x-no-keychain-e2e-token');
    await expectNoAxeViolations(page, 'Credentials (keychain unavailable)');
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, '18-credentials-keychain-unavailable');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
  } finally {
    await serve.stop();
  }
  expect(guard.problems).toEqual([]);
});

test('serve --private-keyring on the same host: a throw-away unlocked keyring for the run, and the UI says the credentials last only for it', async ({ page }) => {
  const serve = await startServeChild(['--private-keyring'], { DBUS_SESSION_BUS_ADDRESS: NO_SESSION_BUS });
  const guard = guardConsole(page);
  try {
    expect(serve.stderr()).toContain(PRIVATE_KEYRING_NOTE);
    await page.goto(serve.launchUrl);
    const health = page.getByRole('region', { name: 'This machine' });
    await expect(health.locator('[data-health="keychain"]')).toHaveAttribute('data-status', 'available');
    await expect(health.locator('[data-health="keychain"]')).toContainText('a throw-away keyring of this run');
    await expect(health.locator('[data-keychain="private_session"]')).toHaveText(PRIVATE_KEYRING_NOTE);
    await expect(health.locator('[data-health="signing_key"]')).toContainText('none yet');
    await expectNoAxeViolations(page, 'Integration status (private keyring)');
    await screenshot(page, '19-health-private-keyring');

    await startCloudTarget(page, 'payments');
    await expect(page.locator('[data-keychain="private_session"]')).toHaveText(PRIVATE_KEYRING_NOTE);
  } finally {
    await serve.stop();
  }
  expect(guard.problems).toEqual([]);
});
