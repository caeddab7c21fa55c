import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/browser-mode';
import { expectVisibleFocus, tabTo } from './support/keyboard';

test.use({ simulators: true });
test.setTimeout(180_000);

/** Tab to a control, prove its focus is visible, then press a key on it. */
const press = async (page: Page, target: Locator, key: 'Enter' | 'Space'): Promise<void> => {
  await tabTo(page, target);
  await expectVisibleFocus(target);
  await page.keyboard.press(key);
};

/** Tab to a field, prove its focus is visible, then type into it. */
const typeInto = async (page: Page, target: Locator, text: string): Promise<void> => {
  await tabTo(page, target);
  await expectVisibleFocus(target);
  await page.keyboard.type(text);
};

/**
 * Tab into a radio group (at its first radio when none is checked), then arrow down until `target`
 * has focus; arrowing checks the radio it lands on. Focus, not the checked state, decides when to
 * stop: the checked state follows only after the choice is saved.
 */
const chooseRadio = async (page: Page, first: Locator, target: Locator, max = 5): Promise<void> => {
  await tabTo(page, first);
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
  await expect(target).toBeChecked();
  await expect(target).toBeFocused();
  await expectVisibleFocus(target);
};

/** Focus a select with Tab, then ArrowDown until it shows `value`. */
const chooseOption = async (page: Page, select: Locator, value: string, max = 10): Promise<void> => {
  await tabTo(page, select);
  await expectVisibleFocus(select);
  for (let i = 0; i < max && (await select.inputValue()) !== value; i += 1) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(value);
};

test('Data Center path with the keyboard alone: approved tunnel, CA file, token, portable route, saved, exported, verified', async ({ app, page, main }) => {
  const { DC_SECRETS } = main.node;
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  const next = (title: RegExp) => press(page, page.getByRole('button', { name: title }), 'Enter');

  await press(page, page.getByRole('button', { name: 'Add Bitbucket target' }), 'Enter');
  await press(page, page.getByRole('button', { name: /Bitbucket Data Center/ }), 'Enter');
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  await next(/Next: Data Center confirmations/);
  for (const key of ['ownership', 'api_root_reachable', 'scan_authorized']) {
    await press(page, page.locator(`#confirm-${key}`), 'Space');
    await expect(page.locator(`#confirm-${key}`)).toBeChecked();
    await typeInto(page, page.locator(`#confirm-${key}-by`), 'Dana Admin, platform owner');
  }
  await press(page, page.getByRole('button', { name: 'Record confirmations and continue' }), 'Enter');
  await expect(page.getByRole('heading', { name: 'Step 3: Target' })).toBeFocused();
  await expect(page.getByLabel('Base URL')).toBeEnabled();
  await typeInto(page, page.getByLabel('Base URL'), sims.dataCenter);
  await typeInto(page, page.getByLabel('Project key (optional)'), 'SEC');
  await typeInto(page, page.getByLabel('Repository slug (optional)'), 'payments');
  await chooseRadio(page, page.locator('#allowlist-direct'), page.locator('#allowlist-approved_tunnel'));
  const chooser = page.waitForEvent('filechooser');
  await press(page, page.getByRole('button', { name: 'Choose a CA file…' }), 'Enter');
  await (await chooser).setFiles(sims.caFile);
  await expect(page.getByLabel('Corporate CA')).toContainText('SHA-256 fingerprint');
  await press(page, page.getByRole('button', { name: 'Save and check the base URL' }), 'Enter');
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  await expect(page.locator('[data-stage="tls"]')).toContainText('SHA-256');
  await expect(page.getByText(/passed the URL-safety checks and the API root answered/)).toBeVisible();

  await next(/Next: Credentials/);
  await expect(page.locator('#auth-http_access_token')).toBeChecked();
  await typeInto(page, page.locator('#auth-secret'), DC_SECRETS.token);
  await press(page, page.getByRole('button', { name: 'Store and test connection' }), 'Enter');
  await expect(page.getByText('Accepted')).toBeVisible();
  expect(await page.content()).not.toContain(DC_SECRETS.token);

  await next(/Next: Issue availability/);
  await expect(page.locator('[data-verdict="unavailable"]')).toContainText('no issue tracker');
  await chooseRadio(page, page.locator('#route-jira'), page.locator('#route-portable'));

  await next(/Next: Route details/);
  await chooseOption(page, page.getByLabel('Format'), 'sarif');
  await expect(page.getByLabel('Sample sarif file')).toContainText('2.1.0');
  await expect(page.getByText('Portable export configured: SARIF.')).toBeVisible();

  await next(/Next: Review & save/);
  await expect(page.locator('[data-state="network"]')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-state="data_center_boundary"]')).toHaveAttribute('data-ready', 'true');
  await press(page, page.getByRole('button', { name: 'Save target' }), 'Enter');
  await expect(page.getByText('Saved. Verdict: ready.')).toBeVisible();

  await next(/Next: Export/);
  await press(page, page.getByRole('button', { name: 'Create the signing key' }), 'Enter');
  const fingerprint = await page.locator('[data-fingerprint]').first().getAttribute('data-fingerprint');
  expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  const exportButton = page.getByRole('button', { name: 'Export and save the bundle file' });
  await tabTo(page, exportButton);
  await expectVisibleFocus(exportButton);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = join(await mkdtemp(join(tmpdir(), 'bts-e2e-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  const cli = await main.node.verifyWithCli(file, fingerprint ?? '');
  expect(cli.output).toContain('valid');
  expect(cli.code).toBe(0);
});
