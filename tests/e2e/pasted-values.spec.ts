import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';
import { dataCenterOnTarget } from './support/wizard-walk';

// What an admin pastes is cleaned before it counts: a repository URL in the workspace field fills
// workspace and repository, a token copied with the whitespace around it works (the Cloud simulator
// compares `email:token` exactly, as Bitbucket does, so the untrimmed one would get a 401), and a
// URL with a user name or password is refused next to the field before anything is saved.

test.use({ simulators: true });
test.setTimeout(180_000);

test('a pasted repository URL fills workspace and repository, and a token with whitespace around it is accepted', async ({ app, page, main }) => {
  expect(app.sims).not.toBeNull();
  const { CLOUD_SECRETS } = main.node;
  await page.getByRole('button', { name: 'Add Bitbucket target' }).click();
  await page.getByRole('button', { name: /Bitbucket Cloud/ }).click();
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await page.getByRole('button', { name: /Next: Target/ }).click();
  await page.getByLabel('Workspace').fill('https://bitbucket.org/acme/payments/src/main/');
  await expect(page.getByLabel('Workspace')).toHaveValue('acme');
  await expect(page.getByLabel('Repository')).toHaveValue('payments');
  await expect(page.locator('[data-filled="from-url"]')).toBeVisible();
  await screenshot(page, '20-target-pasted-url');
  await page.getByRole('button', { name: 'Save workspace and repository' }).click();
  await page.getByRole('button', { name: /Next: Credentials/ }).click();

  await page.getByRole('textbox', { name: 'Atlassian account e-mail' }).fill('dana@acme.example');
  // A password field drops line breaks itself; the spaces and tabs a copy brings stay until the app trims them.
  await page.locator('#auth-secret').fill(` \t${CLOUD_SECRETS.apiToken}  \t`);
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  await expect(page.getByText('Accepted')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'PROVIDER_AUTH_REQUIRED' })).toHaveCount(0);
});

test('a Data Center base URL with a user name and password is refused at the field, before the save', async ({ app, page }) => {
  expect(app.server.origin).toMatch(/^http:\/\/127.0.0.1:/);
  await dataCenterOnTarget(page);
  await page.getByLabel('Base URL').fill('https://admin:Hunter2-pw@bitbucket.corp.example/');
  const refusal = page.locator('[data-refused="userinfo"]');
  await expect(refusal).toContainText('carries a user name or password');
  await expect(page.getByRole('button', { name: 'Save and check the base URL' })).toBeDisabled();
  await expectNoAxeViolations(page, 'Target step (user info refused)');
  await screenshot(page, '21-target-userinfo-refused');
  await page.getByLabel('Base URL').fill('https://bitbucket.corp.example/');
  await expect(refusal).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save and check the base URL' })).toBeEnabled();
});
