import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

const open = async (page: Page, name: string, text: string) => {
  await page.getByLabel('Bundle file (.wrobundle.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
};

test('Reviewer view: a valid bundle, a tampered one, an expired one and a pinned-fingerprint mismatch', async ({ app, page, main }) => {
  expect(app.sims).toBeNull();
  const bundles = await main.node.makeReviewBundles();
  await page.getByRole('button', { name: 'Review a bundle' }).click();
  await expect(page.getByRole('heading', { name: 'Review a bundle' })).toBeVisible();

  await open(page, bundles.valid.name, bundles.valid.text);
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'valid');
  await expect(page.locator('[data-fingerprint]').first()).toHaveAttribute('data-fingerprint', bundles.valid.fingerprint);
  await expect(page.getByText('approved_tunnel', { exact: true })).toBeVisible();
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  await expect(page.getByRole('list', { name: 'Readiness' })).toBeVisible();
  await expectNoAxeViolations(page, 'Reviewer view (valid bundle)');
  await screenshot(page, '10-reviewer-valid');

  await open(page, bundles.tampered.name, bundles.tampered.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'BUNDLE_SIGNATURE_INVALID');
  await expect(page.locator('[data-code="BUNDLE_SIGNATURE_INVALID"]')).toContainText('Do not import it');
  await expect(page.getByText('approved_tunnel', { exact: true })).toHaveCount(0);
  await screenshot(page, '11-reviewer-tampered');

  await open(page, bundles.expired.name, bundles.expired.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'BUNDLE_EXPIRED');

  await page.getByLabel('Expected signing key fingerprint (optional)').fill(bundles.otherFingerprint);
  await open(page, bundles.valid.name, bundles.valid.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'BUNDLE_KEY_MISMATCH');
  await expect(page.getByText(/does not match/)).toBeVisible();
  await expectNoAxeViolations(page, 'Reviewer view (key mismatch)');

  await page.getByLabel('Expected signing key fingerprint (optional)').fill(bundles.valid.fingerprint.toUpperCase().replace('SHA256', 'sha256'));
  await open(page, bundles.valid.name, bundles.valid.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByText(/— matches/)).toBeVisible();
});
