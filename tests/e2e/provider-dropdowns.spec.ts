import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolationsInBothSchemes as bothSchemes } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';
import { dataCenterOnTarget } from './support/wizard-walk';

// Issue 14, "Dropdowns from the provider": once the Bitbucket credential works, the Target step
// suggests the Data Center projects and the repositories of the project in the field; once the
// Jira token signed in, the Route step suggests Jira projects and the project's issue types. The
// admin chooses from the lists with the keyboard; typing stays possible; axe-clean light and dark.

test.use({ simulators: true });
test.setTimeout(180_000);


/** The keys a field's suggestion list offers for what the field holds now. */
const offered = (page: Page, field: string): Promise<string[]> => page.locator(`#${field}-listbox [role="option"] .suggestion-key`).allTextContents();

/**
 * Chooses `value` from a field's suggestions: the field is a combobox offering it; the admin types
 * its first letters, then either presses ArrowDown and Enter or clicks the option in the open list.
 */
const choose = async (page: Page, field: Locator, id: string, value: string, how: 'keyboard' | 'click' = 'keyboard'): Promise<void> => {
  await expect(field).toHaveAttribute('role', 'combobox');
  await field.fill('');
  await field.pressSequentially(value.slice(0, 2));
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => offered(page, id)).toContain(value);
  if (how === 'keyboard') {
    await field.press('ArrowDown');
    await field.press('Enter');
  } else {
    await page.locator(`#${id}-listbox [role="option"]`).filter({ hasText: value }).first().click();
  }
  await expect(field).toHaveValue(value);
  await expect(field).toHaveAttribute('aria-expanded', 'false');
};

test('Data Center projects and repositories, then Jira projects and issue types, chosen from the provider’s lists', async ({ app, page, main }) => {
  const { DC_SECRETS, JIRA_SECRETS } = main.node;
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');

  // Target step, first time: the base URL only; project and repository are not known yet.
  await dataCenterOnTarget(page);
  await page.getByLabel('Base URL').fill(sims.dataCenter);
  await page.locator('#allowlist-approved_tunnel').check();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CA file…' }).click();
  await (await chooser).setFiles(sims.caFile);
  await expect(page.getByLabel('Corporate CA')).toContainText('SHA-256 fingerprint');
  await page.getByRole('button', { name: 'Save and check the base URL' }).click();
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  // No credential yet: the fields suggest nothing.
  await expect(page.locator('#dc-project')).not.toHaveAttribute('role', 'combobox');

  await page.getByRole('button', { name: /Next: Credentials/ }).click();
  await page.locator('#auth-secret').fill(DC_SECRETS.token);
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  await expect(page.locator('#auth-secret')).toHaveValue('');

  // Back on the Target step, the instance's projects are offered.
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: /Target/ }).click();
  const project = page.getByLabel('Project key (optional)');
  const repository = page.getByLabel('Repository slug (optional)');
  await expect(page.locator('#dc-project-options-status')).toHaveText('1 project from Bitbucket: pick one as you type, or type the project key.');
  await choose(page, project, 'dc-project', 'SEC');
  await expect(page.locator('#dc-repository-options-status')).toHaveText('2 repositories of SEC from Bitbucket: pick one as you type, or type the repository slug.');
  expect(await offered(page, 'dc-repository')).toEqual(['payments', 'docs']);
  // The open list, as the admin sees it while choosing.
  await repository.fill('');
  await repository.press('ArrowDown');
  await expect(repository).toHaveAttribute('aria-expanded', 'true');
  await page.locator('#dc-repository-listbox').scrollIntoViewIfNeeded();
  await screenshot(page, '37-target-provider-dropdowns', { keepFocus: true });
  await repository.press('Escape');
  await choose(page, repository, 'dc-repository', 'payments', 'click');
  await bothSchemes(page, 'Target step with the provider’s lists');
  // Typing stays possible: a slug the list does not hold is kept as typed.
  await repository.fill('not-in-the-list');
  await expect(repository).toHaveValue('not-in-the-list');
  await choose(page, repository, 'dc-repository', 'payments');
  await page.getByRole('button', { name: 'Save and check the base URL' }).click();
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');

  await page.getByRole('button', { name: /Next: Credentials/ }).click();
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(page.getByText('Accepted')).toBeVisible();
  expect(await page.content()).not.toContain(DC_SECRETS.token);

  await page.getByRole('button', { name: /Next: Issue availability/ }).click();
  await page.locator('#route-jira').click();
  await page.getByRole('button', { name: /Next: Route details/ }).click();
  await page.locator('#jira-flavor-data_center').check();
  await page.getByRole('textbox', { name: 'Base URL' }).fill(`${sims.jiraSite}/jira`);
  await page.locator('#jira-secret').fill(JIRA_SECRETS.dcPat);
  await page.getByRole('button', { name: 'Save and check Jira' }).click();
  // Signed in; the project is not chosen yet, so the check stops there and the lists open.
  const jiraProject = page.getByLabel('Project key', { exact: true });
  await expect(page.locator('#jira-project-options-status')).toHaveText('2 projects from Jira: pick one as you type, or type the project key.');
  await choose(page, jiraProject, 'jira-project', 'PLAT');
  await expect(page.locator('#jira-issue-type-options-status')).toContainText('56 issue types of PLAT from Jira');
  const issueType = page.getByLabel('Issue type', { exact: true });
  await issueType.fill('Se');
  await expect(issueType).toHaveAttribute('aria-expanded', 'true');
  await page.locator('#jira-issue-type-listbox').scrollIntoViewIfNeeded();
  await screenshot(page, '38-route-jira-dropdowns', { keepFocus: true });
  await choose(page, issueType, 'jira-issue-type', 'Security Finding');
  await bothSchemes(page, 'Route details (Jira) with the provider’s lists');
  await page.getByRole('button', { name: 'Save and check Jira' }).click();
  await expect(page.locator('[data-jira-status="ok"]')).toBeVisible();
  expect(await page.content()).not.toContain(JIRA_SECRETS.dcPat);

  // Safe mode: the suggestions leave the DOM.
  await page.keyboard.press('Alt+Shift+S');
  await expect(page.locator('#jira-project-options-status')).toHaveText('Suggestions from Jira are hidden in screen-share safe mode.');
  await expect(page.locator('[role="listbox"]')).toHaveCount(0);
});
