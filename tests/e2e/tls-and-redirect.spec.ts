import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';
import { checkWithForeignCa, dataCenterOnTarget } from './support/wizard-walk';

// Issue 14 item 4 (the Target step's part): a TLS failure leads to the corporate CA field, and a
// cross-origin redirect offers "Use this URL" with the API path taken off. Before, the TLS row
// said only "tls", and the redirect said "adopt the new URL" with nothing to adopt it with.

test.use({ simulators: true });
test.setTimeout(180_000);

test('a TLS failure offers the corporate CA field and moves focus to it', async ({ app, page }) => {
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  await dataCenterOnTarget(page);
  await checkWithForeignCa(page, sims.dataCenter);
  const hint = page.locator('[data-hint="tls-ca"]');
  await expect(hint).toContainText("organisation's own CA");
  await expectNoAxeViolations(page, 'Target step (TLS failed, CA hint)');
  await screenshot(page, '25-target-tls-ca-hint');
  await hint.getByRole('button', { name: 'Go to the Corporate CA field' }).click();
  const choose = page.locator('#dc-ca-choose');
  await expect(choose).toBeFocused();
  await expect(choose).toBeInViewport();
});

test('a cross-origin redirect offers "Use this URL": the field gets the new base, and checking it passes', async ({ app, page, main }) => {
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  // Not an Atlassian answer: a host that moved, answering every path with a 301 to the instance's
  // new address (the application-properties path the probe asked for), as a reverse proxy would.
  const moved = await main.node.startHttpsSim(() => ({ status: 301, headers: { location: `${sims.dataCenter.replace(/\/$/, '')}/rest/api/1.0/application-properties` }, text: '' }));
  try {
    await dataCenterOnTarget(page);
    await page.getByLabel('Base URL').fill(`${moved.origin}/bitbucket`);
    await page.getByLabel('Project key (optional)').fill('SEC');
    await page.locator('#allowlist-approved_tunnel').check();
    await page.getByRole('button', { name: 'Save and check the base URL' }).click();
    await expect(page.locator('[data-stage="redirects"]')).toHaveAttribute('data-status', 'failed');
    const hint = page.locator('[data-hint="redirect"]');
    await expect(hint).toContainText(sims.dataCenter.replace(/\/$/, ''));
    await expectNoAxeViolations(page, 'Target step (cross-origin redirect)');
    await screenshot(page, '26-target-redirect-use-this-url');
    await hint.getByRole('button', { name: 'Use this URL' }).click();
    const field = page.getByLabel('Base URL');
    await expect(field).toHaveValue(sims.dataCenter.replace(/\/$/, ''));
    await expect(field).toBeFocused();
    await expect(page.locator('[data-unsaved]').first()).toContainText('Base URL');
    await page.getByRole('button', { name: 'Save and check the base URL' }).click();
    await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
    await expect(page.getByRole('button', { name: /Next: Credentials/ })).toBeEnabled();
  } finally {
    await moved.close();
  }
});
