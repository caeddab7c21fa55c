import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { startCloudTarget, storeApiToken } from './support/cloud-setup';
import { screenshot } from './support/screenshot';

test.use({ simulators: true });
test.setTimeout(120_000);

test('screen-share safe mode hides hosts, IPs, e-mails and names everywhere; secrets never reach the DOM', async ({ app, page, context, main }) => {
  const { CLOUD_SECRETS } = main.node;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  await startCloudTarget(page, 'payments');
  await storeApiToken(page, CLOUD_SECRETS.apiToken);
  await expect(page.getByText('Accepted')).toBeVisible();
  // Before safe mode the identifying values are on the page, so the checks below can bite.
  expect(await page.locator('body').innerText()).toContain('Dana');
  expect(await page.getByRole('textbox', { name: 'Atlassian account e-mail' }).inputValue()).toBe('dana@acme.example');

  await page.keyboard.press('Alt+Shift+S');
  await expect(page.getByRole('button', { name: 'Screen-share safe mode: on' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/Screen-share safe mode is on/)).toBeVisible();

  const leaks = ['acme', 'payments', 'dana@acme.example', 'Dana', '127.0.0.1', CLOUD_SECRETS.apiToken];
  const expectNoLeaks = async (where: string) => {
    const text = await page.locator('body').innerText();
    const html = await page.content();
    for (const leak of leaks) {
      expect(text, `${where}: visible text`).not.toContain(leak);
      expect(html, `${where}: DOM`).not.toContain(leak);
    }
  };
  await expectNoLeaks('Credentials step');
  await screenshot(page, '12-safe-mode-credentials');
  await expectNoAxeViolations(page, 'Credentials (safe mode)');

  await page.getByRole('button', { name: 'Copy support summary' }).click();
  // The summary is built in a lazy chunk on the click: wait for the clipboard to hold it.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('support summary');
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toContain('support summary');
  expect(summary).toContain('safe mode: on');
  for (const leak of leaks) expect(summary).not.toContain(leak);

  await page.getByRole('button', { name: 'Back to Integration status' }).click();
  await expect(page.getByRole('heading', { name: 'Integration status' })).toBeVisible();
  await expectNoLeaks('Integration status');

  await page.keyboard.press('Alt+Shift+S');
  await expect(page.getByRole('button', { name: 'Screen-share safe mode: off' })).toBeVisible();
  expect(await page.content()).not.toContain(CLOUD_SECRETS.apiToken);
});
