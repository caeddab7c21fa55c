import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './support/axe';
import { callFromPage } from './support/api-call';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

// Targets an admin can tell apart and manage from the status screen (issue 14, item 10): each card
// names its host, repository and last check; rename, duplicate (without secrets), re-run the
// checks and delete (after a confirmation, with its keychain entries, asked of the real Secret
// Service afterwards). The targets are arranged through the contract; the spec is about the cards.

test.use({ simulators: true });
test.setTimeout(180_000);

const CONFIRMED = { confirmed_by: 'Dana Admin, platform owner', confirmed_at: '2026-11-29T07:00:00.000Z' };

test('rename, duplicate, re-check and delete targets from their cards', async ({ app, page, main }) => {
  const sims = app.sims;
  if (sims === null) throw new Error('simulators expected');
  const ok = async (name: string, input: unknown): Promise<{ target: { id: string; name: string } }> => {
    const r = await callFromPage(page, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error?.code ?? '?'} ${r.error?.message ?? ''}`);
    return r.value as { target: { id: string; name: string } };
  };
  // The health panel's keychain probe writes and deletes an entry of its own: listing the keychain
  // while it runs can crash libsecret's search, so every load waits for it first.
  const healthDone = () => expect(page.locator('[data-health="keychain"]')).toHaveAttribute('data-status', 'available');
  await healthDone();
  const dc = {
    provider_key: 'bitbucket_data_center_issues',
    deployment_mode: 'self-hosted',
    confirmations: { ownership: CONFIRMED, api_root_reachable: CONFIRMED, scan_authorized: CONFIRMED },
    base_url: sims.dataCenter,
    allowlist_status: 'approved_tunnel',
    auth_method: 'http_access_token',
    ca_pem: await readFile(sims.caFile, 'utf8'),
  };
  const payments = await ok('targets.save', { target: { ...dc, workspace: 'SEC', repository_slug: 'payments' } });
  const web = await ok('targets.save', { target: { ...dc, workspace: 'SEC', repository_slug: 'web' } });
  await ok('url.checkTarget', { target_id: payments.target.id });
  const stored = await callFromPage(page, 'credentials.store', { target_id: payments.target.id, kind: 'bitbucket', secret: main.node.DC_SECRETS.token });
  expect(stored.ok).toBe(true);
  expect(await main.node.keychainAccounts(app.secretService)).toEqual([`${payments.target.id}:bitbucket`]);
  await page.reload();
  await healthDone();

  const host = new URL(sims.dataCenter).hostname;
  const list = page.getByRole('list', { name: 'Saved targets' });
  const card = (name: string) => list.getByRole('listitem', { name, exact: true });
  expect(payments.target.name).toBe(`SEC/payments at ${host}`);
  await expect(card(payments.target.name).locator('[data-fact="host"]')).toHaveText(host);
  await expect(card(payments.target.name).locator('[data-fact="repository"]')).toHaveText('SEC/payments');
  await expect(card(payments.target.name).locator('[data-fact="last-checked"] time')).toBeVisible();
  await expect(card(web.target.name).locator('[data-fact="last-checked"]')).toHaveText('not checked yet');
  await expect(list.getByText(/Data Center target/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'Integration status (target cards)');
  await screenshot(page, '40-status-target-cards');

  // Re-run all checks of the target without a credential: its URL check runs, the card shows when.
  await card(web.target.name).getByRole('button', { name: /^Re-run all checks/ }).click();
  await expect(card(web.target.name).locator('[data-fact="last-checked"] time')).toBeVisible();

  // Rename: a name in use is refused with its code; a free one replaces the heading.
  await card(payments.target.name).getByRole('button', { name: /^Rename/ }).click();
  const field = page.getByLabel(/^New name for/);
  await expect(field).toBeFocused();
  await field.fill(web.target.name.toUpperCase());
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'REQUEST_INVALID' })).toContainText('already named');
  await field.fill('Payments on-prem');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(card('Payments on-prem')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Rename Payments on-prem/ })).toBeFocused();
  // The refusal was about the earlier attempt: the rename that went through answers for it.
  await expect(page.getByRole('alert').filter({ hasText: 'REQUEST_INVALID' })).toHaveCount(0);

  // Duplicate: a copy with no credential of its own.
  await card('Payments on-prem').getByRole('button', { name: /^Duplicate/ }).click();
  await expect(card('Payments on-prem (copy)')).toBeVisible();
  await expect(card('Payments on-prem (copy)').locator('[data-fact="last-checked"]')).toHaveText('not checked yet');
  expect(await main.node.keychainAccounts(app.secretService)).toEqual([`${payments.target.id}:bitbucket`]);

  // Delete: the confirmation first (Keep it is the focused choice), then the target and its keychain entry go.
  await card('Payments on-prem').getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Payments on-prem?' });
  await expect(dialog).toContainText('every credential stored for it in the keychain');
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectNoAxeViolations(page, 'Integration status (delete confirmation)');
  await screenshot(page, '41-target-delete-confirm');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'Integration status (delete confirmation, dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Delete target and credentials' }).click();
  await expect(card('Payments on-prem')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Saved targets' })).toBeFocused();
  await expect(list.locator(':scope > li')).toHaveCount(2);
  expect(await main.node.keychainAccounts(app.secretService)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'Integration status (after delete, dark)');
});
