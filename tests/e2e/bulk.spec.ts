import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { setUpDataCenterInstance } from './support/data-center-instance';
import { screenshot } from './support/screenshot';

// Bulk onboarding in browser mode against the Data Center bulk simulator (5,000 repositories in
// 50 projects, paged at most 100 at a time, each repository answered 40 ms late): the wizard's instance steps,
// then "Many repositories" from the status screen — discover, filter, check with Cancel and
// resume, export one version 2 bundle — and the reviewer's repository list of that bundle.

test.use({ simulators: true });
test.setTimeout(240_000);

/** axe in the light and the dark scheme (the app follows the system's). */
const axeBothSchemes = async (page: Page, screen: string) => {
  await expectNoAxeViolations(page, `${screen} (light)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, `${screen} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
};

/** Scrolls the page so this element is at the top of the screenshot. */
const toTop = (el: Locator) => el.evaluate((node) => node.scrollIntoView({ block: 'start' }));

test('Many repositories: 5,000 discovered, filtered, checked (cancel, resume), exported as one bundle, listed by the reviewer', async ({ app, page, main }) => {
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  const bulk = await main.node.startBulkDataCenterSim({ projects: 50, perProject: 100, archivedEvery: 97, repoLatencyMs: 40 });
  try {
    // The instance steps, once: confirmations, base URL (and a repository of it), allowlist, CA, credential.
    await setUpDataCenterInstance(page, { baseUrl: bulk.baseUrl, caFile: sims.caFile, project: 'P001', repository: 'repo-001', token: main.node.BULK_DC_TOKEN });
    await page.getByRole('button', { name: 'Back to Integration status' }).click();

    // The path starts on the status screen, on the card of the target whose instance steps are done.
    await page.getByRole('button', { name: /^Many repositories of / }).click();
    await expect(page.getByRole('heading', { name: 'Many repositories' })).toBeVisible();
    await page.getByRole('button', { name: 'Discover repositories' }).click();
    await expect(page.locator('[data-discovered]')).toHaveAttribute('data-discovered', '5000', { timeout: 30_000 });
    const table = page.getByRole('table');
    await expect(table).toHaveAttribute('aria-rowcount', '5001');
    // Responsive with 5,000 rows: only a window of them is in the page.
    expect(await page.locator('tr[data-repo]').count()).toBeLessThan(60);
    const filter = page.getByLabel('Filter repositories');
    const started = Date.now();
    await filter.fill('p050/repo-1');
    await expect(page.locator('#bulk-filter-count')).toContainText('1 of 5000 shown');
    expect(Date.now() - started).toBeLessThan(3_000);
    await filter.fill('');
    await expect(page.locator('#bulk-filter-count')).toContainText('5000 of 5000 shown, 5000 of them included');
    await page.getByRole('region', { name: 'Repositories', exact: true }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.locator('tr[data-repo="P050/repo-100"]')).toBeVisible();
    await page.getByRole('region', { name: 'Repositories', exact: true }).evaluate((el) => el.scrollTo(0, 0));
    await toTop(page.getByRole('heading', { name: 'Repositories (5000)' }));
    await screenshot(page, 'bulk-01-discovered');
    await axeBothSchemes(page, 'Many repositories (5,000 discovered)');

    // Six projects, one repository excluded by pattern: 599 to check.
    await page.getByLabel('Projects (optional)').fill('P011 P012 P013 P014 P015 P016');
    await page.getByLabel('Exclude (one pattern a line, optional)').fill('P016/repo-100');
    await page.getByRole('button', { name: 'Discover repositories' }).click();
    await expect(page.locator('[data-discovered]')).toHaveAttribute('data-discovered', '600');
    await page.getByLabel('Checks at once').fill('4');
    await page.getByRole('button', { name: 'Check 599 repositories' }).click();
    const figures = page.locator('[data-figures]');
    await expect(figures).toHaveText(/^[1-9]\d* of 599 checked · \d+\.\d per second · about \d+ s left$/, { timeout: 15_000 });
    await toTop(page.getByRole('heading', { name: 'Check', exact: true }));
    await screenshot(page, 'bulk-02-checking');
    await page.getByRole('button', { name: 'Cancel the check' }).click();
    await expect(page.locator('.bulk-progress')).toHaveAttribute('data-state', 'cancelled', { timeout: 15_000 });
    const done = Number(/^(\d+) of 599/.exec((await figures.textContent()) ?? '')?.[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(599);
    await page.getByRole('button', { name: `Resume: check the ${599 - done} left` }).click();
    await expect(page.locator('.bulk-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(figures).toHaveText(new RegExp(`^${599 - done} of ${599 - done} checked`));
    // ids 1001–1600, every 97th archived: 1067, 1164, 1261, 1358, 1455, 1552.
    const totals = page.getByRole('list', { name: 'Verdict totals' });
    await expect(totals.locator('[data-total="ready"]')).toHaveText('Ready: 593');
    await expect(totals.locator('[data-total="archived"]')).toHaveText('Archived: 6');
    await filter.fill('archived');
    await expect(page.locator('tr[data-verdict="archived"]')).toHaveCount(6);
    await toTop(page.getByRole('heading', { name: 'Repositories (600)' }));
    await screenshot(page, 'bulk-03-checked');
    await axeBothSchemes(page, 'Many repositories (checked)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export and save the bundle file' }).click()]);
    const file = join(await mkdtemp(join(tmpdir(), 'bts-e2e-dl-')), download.suggestedFilename());
    await download.saveAs(file);
    const fingerprint = (await page.locator('.result-line [data-fingerprint]').getAttribute('data-fingerprint')) ?? '';
    const cli = await main.node.verifyWithCli(file, fingerprint);
    expect(cli.code).toBe(0);
    expect(cli.output).toMatch(/599/);

    // The reviewer: the count, the totals as signed, the list searchable.
    await page.getByRole('button', { name: 'Back to status' }).click();
    await page.getByRole('button', { name: 'Review a bundle' }).click();
    await page.getByLabel('Expected signing key fingerprint (optional)').fill(fingerprint);
    await page.getByLabel('Bundle file (.wrobundle.json)').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: await readFile(file) });
    await expect(page.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'valid');
    await expect(page.getByRole('heading', { name: 'Repositories (599)' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Verdict totals' }).locator('[data-total="archived"]')).toHaveText('Archived: 6');
    await page.getByLabel('Search repositories').fill('P013/repo-0');
    await expect(page.locator('#bundle-repo-count')).toContainText('99 of 599 shown');
    await toTop(page.getByRole('heading', { name: 'Repositories (599)' }));
    await screenshot(page, 'bulk-04-reviewer');
    await axeBothSchemes(page, 'Reviewer (version 2 bundle)');
  } finally {
    await bulk.close();
  }
});
