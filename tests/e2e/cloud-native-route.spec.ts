import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { startCloudTarget, storeApiToken } from './support/cloud-setup';

test.use({ simulators: true });
test.setTimeout(180_000);

// acme/legacy is the simulator's repository that still reports a working tracker (components
// api and web); CLOUD_SECRETS.apiToken grants read:issue and write:issue on it.
test('Cloud native issues: a repository with a working tracker, API token, issues available, native route with scopes, component and priority, axe-clean, saved as ready', async ({ app, page, main }) => {
  expect(app.sims).not.toBeNull();
  const { CLOUD_SECRETS } = main.node;
  const noSecretInDom = async () => expect(await page.content()).not.toContain(CLOUD_SECRETS.apiToken);
  const next = (title: RegExp) => page.getByRole('button', { name: title }).click();

  await startCloudTarget(page, 'legacy');
  await storeApiToken(page, CLOUD_SECRETS.apiToken);
  await expect(page.getByText('Accepted', { exact: true })).toBeVisible();
  await noSecretInDom();

  await next(/Next: Issue availability/);
  await expect(page.locator('[data-verdict="available"]')).toContainText('Native issues available.');
  await expect(page.locator('#route-native')).toBeEnabled();
  await page.locator('#route-native').click();
  await expect(page.locator('#route-native')).toBeChecked();

  await next(/Next: Route details/);
  const scopes = page.getByRole('table', { name: 'Scopes required and granted' });
  await expect(scopes).toBeVisible();
  for (const scope of ['read:issue:bitbucket', 'write:issue:bitbucket']) {
    // Required: Yes, granted: Yes.
    await expect(scopes.locator(`[data-scope="${scope}"]`).getByRole('cell')).toHaveText(['Yes', 'Yes']);
  }
  await expect(scopes.getByText('Missing')).toHaveCount(0);
  await expect(page.locator('[data-code="PROVIDER_SCOPE_UNAVAILABLE"]')).toHaveCount(0);
  const component = page.getByLabel('Component');
  await expect(component.locator('option')).toHaveText(['No component', 'api', 'web']);
  await expect(page.getByText('From the repository’s live component list.')).toBeVisible();
  await component.selectOption('web');
  await page.getByLabel('Priority').selectOption('critical');
  await page.getByRole('button', { name: 'Save component and priority' }).click();
  await expect(component).toHaveValue('web');
  await expect(page.getByLabel('Priority')).toHaveValue('critical');
  await expectNoAxeViolations(page, 'Route details (native)');

  await next(/Next: Review & save/);
  await expect(page.locator('[data-state="issue_workflow"]')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-state="cloud_issue_target"]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByText('Saved. Verdict: ready.')).toBeVisible();
  await noSecretInDom();

  // Back on Route details (a fresh view read from the saved record): the choices were kept.
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: /Route details/ }).click();
  await expect(page.getByLabel('Component')).toHaveValue('web');
  await expect(page.getByLabel('Priority')).toHaveValue('critical');
});
