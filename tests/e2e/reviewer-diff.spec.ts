import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

// The reviewer's two-file diff in the real UI over browser mode: both files verified first (the
// same bundle.diff as `bundle diff`), an unpinned signer shown with its fingerprint without
// stopping the diff, then what changed; a tampered file is not compared.

const openAs = async (page: Page, label: string, file: { readonly name: string; readonly text: string }) => {
  await page.getByLabel(label).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text, 'utf8') });
};

test('Reviewer view: two bundles compared, each signature verified first', async ({ app, page, main }) => {
  expect(app.sims).toBeNull();
  const bundles = await main.node.makeDiffBundles();
  const review = await main.node.makeReviewBundles();
  await page.getByRole('button', { name: 'Review a bundle' }).click();
  await expect(page.getByRole('heading', { name: 'Compare two bundles' })).toBeVisible();

  await openAs(page, 'Bundle A (.wrobundle.json)', bundles.a);
  await openAs(page, 'Bundle B (.wrobundle.json)', bundles.b);
  await page.getByRole('button', { name: 'Compare A and B' }).click();
  const result = page.locator('[data-diff-result]');
  await expect(result).toHaveAttribute('data-diff-result', 'different');
  for (const side of ['A', 'B']) {
    const el = result.locator(`[data-diff-side="${side}"]`);
    await expect(el).toHaveAttribute('data-verdict', 'valid_unpinned');
    await expect(el.locator('[data-fingerprint]')).toHaveAttribute('data-fingerprint', bundles.a.fingerprint);
  }
  const changes = result.locator('[data-diff="changes"]');
  await expect(changes.locator('[data-path="checks.url_safety.addresses"]')).toContainText('10.20.30.41 (private)');
  await expect(changes.locator('[data-path="checks.network.tls.fingerprint_sha256"]')).toContainText('5E:21:9A:0C');
  await expect(changes.locator('[data-section="radar"]').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Reviewer view (two bundles compared)');
  // The changed fields at the top of the window (both verdicts are just above).
  await result.locator('[data-diff="changes"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'reviewer-diff');

  // A file changed after signing: named with its code, nothing compared.
  await openAs(page, 'Bundle B (.wrobundle.json)', review.tampered);
  await page.getByRole('button', { name: 'Compare A and B' }).click();
  await expect(result).toHaveAttribute('data-diff-result', 'not_intact');
  await expect(result.locator('[data-diff-side="B"]')).toHaveAttribute('data-verdict', 'BUNDLE_SIGNATURE_INVALID');
  await expect(result.locator('[data-diff="changes"]')).toHaveCount(0);

  // The same file twice: the same.
  await openAs(page, 'Bundle B (.wrobundle.json)', bundles.a);
  await page.getByRole('button', { name: 'Compare A and B' }).click();
  await expect(result).toHaveAttribute('data-diff-result', 'same');
});
