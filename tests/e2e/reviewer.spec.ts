import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

const open = async (page: Page, name: string, text: string) => {
  await page.getByLabel('Bundle file (.wrobundle.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
};
/** "19F2 AB61 …": the fingerprint as an admin reads it aloud and a reviewer types it. */
const aloud = (fp: string): string => (fp.slice(7).match(/.{4}/g) ?? []).join(' ').toUpperCase();

const openReviewer = async (page: Page) => {
  await page.getByRole('button', { name: 'Review a bundle' }).click();
  await expect(page.getByRole('heading', { name: 'Review a bundle' })).toBeVisible();
  return { pin: page.getByLabel('Expected signing key fingerprint (optional)'), verdict: page.locator('[data-verdict]') };
};

test('Reviewer view: unpinned (amber), pinned read aloud (valid), forged, tampered and expired', async ({ app, page, main }) => {
  expect(app.sims).toBeNull();
  const bundles = await main.node.makeReviewBundles();
  const { pin, verdict } = await openReviewer(page);

  // No pin: a good signature confirms nobody. Amber, never green.
  await open(page, bundles.valid.name, bundles.valid.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'valid_unpinned');
  await expect(page.getByText('Signature valid, signer not confirmed: compare the fingerprint.')).toBeVisible();
  await expect(page.locator('.result-line')).toHaveCount(0);
  await expect(page.locator('[data-fingerprint]').first()).toHaveAttribute('data-fingerprint', bundles.valid.fingerprint);
  await expectNoAxeViolations(page, 'Reviewer view (signer not confirmed)');
  await screenshot(page, '10-reviewer-unpinned');

  // The admin reads the fingerprint aloud; the reviewer types it in groups and verifies again.
  await pin.fill(aloud(bundles.valid.fingerprint));
  await expect(page.locator('#pinned-hint')).toHaveAttribute('data-fingerprint-read', bundles.valid.fingerprint);
  await page.getByRole('button', { name: 'Verify again' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByText(/— matches/)).toBeVisible();
  await expect(page.getByText('approved_tunnel', { exact: true })).toBeVisible();
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  await expect(page.getByRole('list', { name: 'Readiness' })).toBeVisible();
  await expectNoAxeViolations(page, 'Reviewer view (valid bundle)');
  await screenshot(page, '10-reviewer-valid');

  // The same content re-signed with a fresh key: refused against the pin.
  await open(page, bundles.forged.name, bundles.forged.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'BUNDLE_KEY_MISMATCH');
  await expect(page.getByText(/does not match/)).toBeVisible();
  await expectNoAxeViolations(page, 'Reviewer view (key mismatch)');

  await pin.fill('');
  await open(page, bundles.tampered.name, bundles.tampered.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'BUNDLE_SIGNATURE_INVALID');
  await expect(page.locator('[data-code="BUNDLE_SIGNATURE_INVALID"]')).toContainText('Do not import it');
  await expect(page.getByText('approved_tunnel', { exact: true })).toHaveCount(0);
  await screenshot(page, '11-reviewer-tampered');

  await open(page, bundles.expired.name, bundles.expired.text);
  await expect(verdict).toHaveAttribute('data-verdict', 'BUNDLE_EXPIRED');
});

test('Reviewer view: a refused fingerprint says why and leaves the file picker usable', async ({ app, page, main }) => {
  expect(app.sims).toBeNull();
  const bundles = await main.node.makeReviewBundles();
  const { pin, verdict } = await openReviewer(page);
  // A fingerprint one group short: the reason is shown, the file picker stays usable.
  await pin.fill(aloud(bundles.otherFingerprint).slice(0, -5));
  await expect(pin).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#pinned-hint')).toHaveText('Refused: It has 60 hex digits; a SHA-256 fingerprint has 64. Check for a missing or extra group.');
  await expect(page.getByLabel('Bundle file (.wrobundle.json)')).toBeEnabled();
  await open(page, bundles.valid.name, bundles.valid.text);
  const refusal = page.locator('[data-refusal="fingerprint"]');
  await expect(refusal).toContainText('Not verified: the expected fingerprint is refused.');
  await expect(refusal).toContainText('It has 60 hex digits');
  await expect(verdict).toHaveCount(0);
  await expectNoAxeViolations(page, 'Reviewer view (fingerprint refused)');
  await screenshot(page, '10-reviewer-fingerprint-refused');

  await pin.fill(bundles.valid.fingerprint.toUpperCase());
  await page.getByRole('button', { name: 'Verify again' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'valid');
});
