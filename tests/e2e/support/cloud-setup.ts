import { expect, type Page } from '@playwright/test';

/** Status screen → new Bitbucket Cloud draft → workspace and repository saved → on Credentials. */
export const startCloudTarget = async (page: Page, repository: string, workspace = 'acme'): Promise<void> => {
  await page.getByRole('button', { name: 'Add Bitbucket target' }).click();
  await page.getByRole('button', { name: /Bitbucket Cloud/ }).click();
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await page.getByRole('button', { name: /Next: Target/ }).click();
  await page.getByLabel('Workspace').fill(workspace);
  await page.getByLabel('Repository').fill(repository);
  await page.getByRole('button', { name: 'Save workspace and repository' }).click();
  await expect(page.getByRole('button', { name: /Next: Credentials/ })).toBeEnabled();
  await page.getByRole('button', { name: /Next: Credentials/ }).click();
};

/** On Credentials: the API token method with the account e-mail, stored and tested. */
export const storeApiToken = async (page: Page, token: string, email = 'dana@acme.example'): Promise<void> => {
  await expect(page.locator('#auth-api_token')).toBeChecked();
  await page.getByRole('textbox', { name: 'Atlassian account e-mail' }).fill(email);
  await page.locator('#auth-secret').fill(token);
  await page.getByRole('button', { name: 'Store and test connection' }).click();
};
