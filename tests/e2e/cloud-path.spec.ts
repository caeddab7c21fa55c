import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

test.use({ simulators: true });
test.setTimeout(180_000);

test('Cloud path: workspace and repository, API token, issues retired, routed to Jira, checked, saved, exported, verified by the CLI', async ({ app, page, main }) => {
  const { CLOUD_SECRETS, JIRA_SECRETS } = main.node;
  const secrets = [CLOUD_SECRETS.apiToken, JIRA_SECRETS.cloudToken];
  const noSecretInDom = async () => {
    const html = await page.content();
    for (const s of secrets) expect(html).not.toContain(s);
  };
  const next = (title: RegExp) => page.getByRole('button', { name: title }).click();

  await page.getByRole('button', { name: 'Add Bitbucket target' }).click();
  await page.getByRole('button', { name: /Bitbucket Cloud/ }).click();
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await next(/Next: Target/);
  await page.getByLabel('Workspace').fill('acme');
  await page.getByLabel('Repository').fill('payments');
  await page.getByRole('button', { name: 'Save workspace and repository' }).click();
  await expect(page.getByRole('button', { name: /Next: Credentials/ })).toBeEnabled();

  await next(/Next: Credentials/);
  await expect(page.locator('#auth-api_token')).toBeChecked();
  await page.getByRole('textbox', { name: 'Atlassian account e-mail' }).fill('dana@acme.example');
  const secret = page.locator('#auth-secret');
  await expect(secret).toHaveAttribute('type', 'password');
  await expect(secret).toHaveAttribute('autocomplete', 'off');
  await secret.fill(CLOUD_SECRETS.apiToken);
  await noSecretInDom();
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  await expect(page.getByText('Accepted')).toBeVisible();
  await expect(secret).toHaveValue('');
  await expect(page.getByRole('definition').filter({ hasText: /customer-owned workspace confirmed/ })).toBeVisible();
  await noSecretInDom();
  await expectNoAxeViolations(page, 'Credentials (tested)');
  await screenshot(page, '05-credentials-tested');

  await next(/Next: Issue availability/);
  await expect(page.locator('[data-verdict="unavailable"]')).toContainText('retired');
  await expect(page.locator('#route-native')).toBeDisabled();
  await page.locator('#route-jira').click();
  await expect(page.locator('#route-jira')).toBeChecked();
  await expectNoAxeViolations(page, 'Issue availability');
  await screenshot(page, '06-issue-availability-retired');

  await next(/Next: Route details/);
  await page.getByRole('textbox', { name: 'Site URL' }).fill(app.sims?.jiraSite ?? '');
  await page.getByRole('textbox', { name: 'Atlassian account e-mail' }).fill('dana@acme.example');
  await page.locator('#jira-secret').fill(JIRA_SECRETS.cloudToken);
  await page.getByRole('textbox', { name: 'Project key' }).fill('SEC');
  await page.getByRole('textbox', { name: 'Issue type' }).fill('Bug');
  await page.getByRole('button', { name: 'Save and check Jira' }).click();
  await expect(page.locator('[data-jira-status="ok"]')).toBeVisible();
  await noSecretInDom();
  await expectNoAxeViolations(page, 'Route details (Jira)');
  await screenshot(page, '07-route-jira-checked');

  await next(/Next: Review & save/);
  await expect(page.locator('[data-state="issue_workflow"]')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-state="fallback"]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByText('Saved. Verdict: ready.')).toBeVisible();
  await expectNoAxeViolations(page, 'Review & save (ready)');
  await screenshot(page, '08-review-ready');

  await next(/Next: Export/);
  await page.getByRole('button', { name: 'Create the signing key' }).click();
  const fingerprint = await page.locator('[data-fingerprint]').first().getAttribute('data-fingerprint');
  expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export and save the bundle file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.wrobundle\.json$/);
  const file = join(await mkdtemp(join(tmpdir(), 'bts-e2e-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  for (const s of secrets) expect(text).not.toContain(s);
  const cli = await main.node.verifyWithCli(file, fingerprint ?? '');
  expect(cli.output).toContain('valid');
  expect(cli.code).toBe(0);
  await expectNoAxeViolations(page, 'Export');
  await screenshot(page, '09-export');
});
