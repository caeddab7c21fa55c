import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

test.use({ simulators: true });
test.setTimeout(180_000);

test('Data Center path: approved tunnel passes every stage, token stored and tested, portable route, saved, exported, verified', async ({ app, page, main }) => {
  const { DC_SECRETS } = main.node;
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  const next = (title: RegExp) => page.getByRole('button', { name: title }).click();

  await page.getByRole('button', { name: 'Add Bitbucket target' }).click();
  await page.getByRole('button', { name: /Bitbucket Data Center/ }).click();
  await next(/Next: Data Center confirmations/);
  for (const key of ['ownership', 'api_root_reachable', 'scan_authorized']) {
    await page.locator(`#confirm-${key}`).check();
    await page.locator(`#confirm-${key}-by`).fill('Dana Admin, platform owner');
  }
  // One commit: recording all three opens the Target step.
  await page.getByRole('button', { name: 'Record confirmations and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3: Target' })).toBeFocused();
  await page.getByLabel('Base URL').fill(sims.dataCenter);
  await page.getByLabel('Project key (optional)').fill('SEC');
  await page.getByLabel('Repository slug (optional)').fill('payments');
  await page.locator('#allowlist-approved_tunnel').check();
  // The CA is uploaded (browser mode): its text goes to targets.save, and the step shows its facts.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CA file…' }).click();
  await (await chooser).setFiles(sims.caFile);
  await expect(page.getByLabel('Corporate CA')).toContainText('SHA-256 fingerprint');
  await expect(page.getByLabel('Corporate CA')).toContainText('Expires');
  await page.getByRole('button', { name: 'Save and check the base URL' }).click();
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  // 'addresses' is left out: the simulators sit on loopback, which the engine reports as such
  // even though the test-only permit hook lets the probe through.
  for (const stage of ['syntax', 'dns', 'policy', 'connection', 'tls', 'redirects']) {
    await expect(page.locator(`[data-stage="${stage}"]`)).toHaveAttribute('data-status', /passed|skipped/);
  }
  await expect(page.locator('[data-stage="tls"]')).toContainText('SHA-256');
  await expect(page.locator('[data-stage="api_root"]')).toContainText('9.4.1');
  await expect(page.getByText(/passed the URL-safety checks and the API root answered/)).toBeVisible();
  await screenshot(page, '13-target-probe-passed');
  await expectNoAxeViolations(page, 'Target step (passed)');

  await next(/Next: Credentials/);
  await expect(page.locator('#auth-http_access_token')).toBeChecked();
  await page.locator('#auth-secret').fill(DC_SECRETS.token);
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  await expect(page.getByText('Accepted')).toBeVisible();
  expect(await page.content()).not.toContain(DC_SECRETS.token);

  await next(/Next: Issue availability/);
  await expect(page.locator('[data-verdict="unavailable"]')).toContainText('no issue tracker');
  await expect(page.locator('#route-native')).toHaveCount(0);
  await page.locator('#route-portable').click();
  await expect(page.locator('#route-portable')).toBeChecked();

  await next(/Next: Route details/);
  await page.getByLabel('Format').selectOption('sarif');
  await expect(page.getByRole('region', { name: /Sample sarif file/ }).or(page.getByLabel('Sample sarif file'))).toContainText('2.1.0');
  await expect(page.getByText('Portable export configured: SARIF.')).toBeVisible();
  await screenshot(page, '14-route-portable');
  await expectNoAxeViolations(page, 'Route details (portable)');

  await next(/Next: Review & save/);
  await expect(page.locator('[data-state="network"]')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-state="data_center_boundary"]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByText('Saved. Verdict: ready.')).toBeVisible();

  await next(/Next: Export/);
  await page.getByRole('button', { name: 'Create the signing key' }).click();
  const fingerprint = (await page.locator('[data-fingerprint]').first().getAttribute('data-fingerprint')) ?? '';
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export and save the bundle file' }).click()]);
  const file = join(await mkdtemp(join(tmpdir(), 'bts-e2e-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  const cli = await main.node.verifyWithCli(file, fingerprint);
  expect(cli.code).toBe(0);
});
