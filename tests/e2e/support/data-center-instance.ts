import { expect, type Page } from '@playwright/test';
import { dataCenterOnTarget } from './wizard-walk';

/**
 * The wizard's instance steps for a Data Center target, as an admin takes them: provider, the three
 * confirmations, the base URL (with one repository of it, which "Test connection" reads), an approved
 * tunnel, the CA file, then the token stored and tested. Ends on the credentials step, accepted.
 */
export const setUpDataCenterInstance = async (page: Page, o: { baseUrl: string; caFile: string; project: string; repository: string; token: string }) => {
  await dataCenterOnTarget(page);
  await page.getByLabel('Base URL').fill(o.baseUrl);
  await page.getByLabel('Project key (optional)').fill(o.project);
  await page.getByLabel('Repository slug (optional)').fill(o.repository);
  await page.locator('#allowlist-approved_tunnel').check();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CA file…' }).click();
  await (await chooser).setFiles(o.caFile);
  await page.getByRole('button', { name: 'Save and check the base URL' }).click();
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  await page.getByRole('button', { name: /Next: Credentials/ }).click();
  await page.locator('#auth-secret').fill(o.token);
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  await expect(page.getByText('Accepted')).toBeVisible();
};
