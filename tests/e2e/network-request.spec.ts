import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';

// The status card's expiry radar badge and "Request network access" in the real UI over browser
// mode: a Data Center target whose certificate expires in 10 days and whose check fails (a private
// address without an allowlist status). The change request is written all the same, with the ask.

test('Status card: the radar badge names what is due, and the change request is written while the check fails', async ({ app, page, main }) => {
  const { certificateDay } = await main.node.seedExpiringDataCenterTarget(app.dataDir);
  // The status screen reads the targets again when it is opened: over there and back.
  await expect(page.getByText('version 0.1.0')).toBeVisible();
  await page.getByRole('button', { name: 'Review a bundle' }).click();
  await page.getByRole('button', { name: 'Back to Integration status' }).click();
  const card = page.getByRole('listitem', { name: /Payments Data Center/ });
  const badge = card.locator('[data-radar-badge]');
  await expect(badge).toHaveAttribute('data-radar-badge', 'due');
  await expect(badge).toHaveAttribute('data-radar-kind', 'certificate');
  await expect(badge).toContainText(`Due ${certificateDay}: TLS certificate (in 10 days)`);
  await expectNoAxeViolations(page, 'Integration status (radar badge)');
  await screenshot(page, 'radar-badge');

  await card.getByRole('button', { name: /Request network access/ }).click();
  const markdown = card.locator('[data-change-request="markdown"]');
  await expect(markdown).toContainText('10.20.30.40');
  await expect(card.locator('[data-network-request]')).toHaveAttribute('data-network-request', 'failed');
  await expect(card.getByRole('button', { name: 'Copy Markdown' })).toBeVisible();

  const [json] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(json.suggestedFilename()).toBe('dc-1-network-request.json');
  const doc = JSON.parse(await readFile(await json.path(), 'utf8')) as { verdict: string; destination: { port: number }; asks: string[] };
  expect(doc.verdict).toBe('failed');
  expect(doc.destination.port).toBe(8443);
  expect(doc.asks.join(' ')).toMatch(/10\.20\.30\.40/);
  const [md] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(md.suggestedFilename()).toBe('dc-1-network-request.md');
  const mdText = await readFile(await md.path(), 'utf8');
  expect(mdText).toContain('10.20.30.40');
  for (const secret of Object.values(main.node.DC_SECRETS)) expect(mdText + JSON.stringify(doc)).not.toContain(secret);

  await expectNoAxeViolations(page, 'Integration status (change request)');
  await markdown.scrollIntoViewIfNeeded();
  await card.getByRole('button', { name: /Request network access/ }).scrollIntoViewIfNeeded();
  await screenshot(page, 'network-request');
});
