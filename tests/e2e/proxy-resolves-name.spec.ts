import { RENDERER_OUT } from './support/build-renderer';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { guardConsole } from './support/console-guard';
import { screenshot } from './support/screenshot';

// Issue 12 §4 on screen: behind an HTTPS_PROXY with its own DNS view that refuses a tunnel to an
// address, the Target step's check says the proxy refused the checked address and reaches nothing;
// only the admin's explicit "Let the proxy resolve the name" proceeds, and the evidence then marks
// the address as resolved by the proxy (unverified). The proxy's CONNECT log proves what was asked.

test.setTimeout(180_000);

const confirmed = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T08:00:00.000Z' };

test('a proxy that refuses address tunnels blocks the check until the admin lets the proxy resolve the name, and the evidence says unverified', async ({ page, main }) => {
  const mode = await main.node.startBrowserModeBehindProxy(RENDERER_OUT);
  const guard = guardConsole(page);
  try {
    await mode.saveTarget({
      provider_key: 'bitbucket_data_center_issues',
      deployment_mode: 'self-hosted',
      name: 'Behind the proxy',
      confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
      base_url: mode.baseUrl,
      ca_pem: mode.caPem,
      allowlist_status: 'direct',
    });
    await page.goto(mode.server.launchUrl());
    await page.getByRole('button', { name: /Continue setup/ }).first().click();
    await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: /Target/ }).click();

    const box = page.getByRole('checkbox', { name: /Let the proxy resolve the name/ });
    await expect(box).not.toBeChecked();
    await page.getByRole('button', { name: /Save and check the base URL|Check the base URL/ }).first().click();
    const stages = page.getByRole('table').filter({ hasText: 'Stage' }).first();
    const refused = stages.getByText(/refused CONNECT 127\.0\.0\.2:\d+/).first();
    await expect(refused).toBeVisible({ timeout: 30_000 });
    await refused.scrollIntoViewIfNeeded();
    // The tunnel was asked for the checked address only, never for the name.
    expect(mode.connects.length).toBeGreaterThan(0);
    expect(mode.connects.every((c) => c.startsWith('127.0.0.2:'))).toBe(true);
    await expect(page.getByText('decoy at the proxy')).toHaveCount(0);
    await screenshot(page, '30-target-proxy-refused-ip');

    await box.check();
    await page.getByRole('button', { name: /Save and check the base URL|Check again/ }).first().click();
    // The stage table (not the checkbox's hint) says the proxy resolved the name and the addresses are unverified.
    const unverified = stages.getByText(/which resolved the name itself: the addresses above are unverified/).first();
    await expect(unverified).toBeVisible({ timeout: 30_000 });
    await expect(stages.getByText(/refused CONNECT/)).toHaveCount(0);
    await unverified.scrollIntoViewIfNeeded();
    // Only after the choice did the proxy get the name (and went where its own DNS said).
    expect(mode.connects.some((c) => c.startsWith('bitbucket.example-corp.com:'))).toBe(true);
    await screenshot(page, '31-target-proxy-resolves-name');
    await expectNoAxeViolations(page, 'Target step, proxy resolves the name');
  } finally {
    await mode.close();
  }
  expect(guard.problems, 'console errors, page errors or failed requests').toEqual([]);
});
