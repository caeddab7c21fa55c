import type { Page } from '@playwright/test';
import { RENDERER_OUT } from './support/build-renderer';
import { expect, test } from './support/browser-mode';
import { startCloudTarget, storeApiToken } from './support/cloud-setup';
import { guardConsole } from './support/console-guard';
import type { ErrorMessagesMode } from './support/error-messages-mode';
import { screenshot } from './support/screenshot';
import { checkWithForeignCa, dataCenterOnTarget } from './support/wizard-walk';

// Issue 14 item 4 (and 9), the one place that asserts the words the admin reads for each error that
// was wrong or generic: a bad CA file has its own code, meaning and fix; a TLS failure names the
// corporate CA field; a cross-origin redirect offers "Use this URL"; NXDOMAIN and a refused TCP
// connection are different sentences naming the host; a Data Center 401 never talks about OAuth,
// app passwords or API tokens; Bitbucket Cloud unreachable says what failed and that the app
// honours HTTPS_PROXY / NO_PROXY. The steps themselves are walked by the helpers the other specs use
// (tls-and-redirect.spec.ts and focus-results.spec.ts walk the same screens for focus and flow).

test.setTimeout(240_000);

let mode: ErrorMessagesMode;
let problems: () => string[];
test.beforeEach(async ({ page, main }) => {
  mode = await main.node.startErrorMessagesMode(RENDERER_OUT);
  const guard = guardConsole(page);
  problems = () => [...guard.problems];
  await page.goto(mode.server.launchUrl());
});
test.afterEach(async () => {
  const seen = problems();
  await mode.close();
  expect(seen, 'console errors, page errors or failed requests').toEqual([]);
});

/** On the Target step: this base URL, an approved tunnel, saved and checked. */
const checkBaseUrl = async (page: Page, baseUrl: string): Promise<void> => {
  await page.getByLabel('Base URL').fill(baseUrl);
  await page.locator('#allowlist-approved_tunnel').check();
  await page.getByRole('button', { name: 'Save and check the base URL' }).click();
};

test('a CA file that holds no certificate is CA_FILE_INVALID, with its own meaning and fix', async ({ page }) => {
  await dataCenterOnTarget(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CA file…' }).click();
  await (await chooser).setFiles({ name: 'corporate-ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from('this is the CA bundle README, not a certificate\n') });
  const panel = page.locator('.error-panel[data-action="targets.save"]');
  await expect(panel).toContainText('Corporate CA not usable CA_FILE_INVALID');
  await expect(panel).toContainText('What it means: The corporate CA could not be read or holds no X.509 certificate (PEM)');
  await expect(panel).toContainText("What to do: Choose the issuing CA's certificate as a PEM file (-----BEGIN CERTIFICATE-----)");
  await expect(panel).not.toContainText('PROVIDER_VALUE_INVALID');
  await expect(panel).not.toContainText(/component|priority/iu);
  await screenshot(page, '32-error-ca-file-invalid');
});

test('a TLS failure says what is wrong with the certificate and names the Corporate CA field; a cross-origin redirect offers "Use this URL"', async ({ page, main }) => {
  await dataCenterOnTarget(page);
  await checkWithForeignCa(page, mode.sims.dataCenter);
  const tls = page.locator('[data-stage="tls"]');
  await expect(tls).toHaveAttribute('data-status', 'failed');
  await expect(tls).toContainText('issued by a CA this machine does not know');
  await expect(tls).toContainText('Corporate CA field of the Target step');
  await expect(page.locator('[data-hint="tls-ca"]').getByRole('button', { name: 'Go to the Corporate CA field' })).toBeVisible();

  // Not an Atlassian answer: a host that moved, as a reverse proxy answers (tls-and-redirect.spec.ts).
  const moved = await main.node.startHttpsSim(() => ({ status: 301, headers: { location: `${mode.sims.dataCenter.replace(/\/$/u, '')}/rest/api/1.0/application-properties` }, text: '' }));
  try {
    await page.getByRole('button', { name: 'Remove the CA' }).click();
    await checkBaseUrl(page, `${moved.origin}/bitbucket`);
    await expect(page.locator('[data-stage="redirects"]')).toHaveAttribute('data-status', 'failed');
    const hint = page.locator('[data-hint="redirect"]');
    await expect(hint).toContainText(mode.sims.dataCenter.replace(/\/$/u, ''));
    await expect(hint.getByRole('button', { name: 'Use this URL' })).toBeVisible();
  } finally {
    await moved.close();
  }
});

test('NXDOMAIN and a refused connection are different sentences, each naming the host', async ({ main, page }) => {
  const { NXDOMAIN_HOST, REFUSING_HOST } = main.node;
  await dataCenterOnTarget(page);
  await checkBaseUrl(page, `https://${NXDOMAIN_HOST}/bitbucket`);
  const dns = page.locator('[data-stage="dns"]');
  await expect(dns).toHaveAttribute('data-status', 'failed');
  await expect(dns).toContainText(`answers that ${NXDOMAIN_HOST} does not exist (NXDOMAIN`);
  await expect(dns).toContainText('Check the spelling of the host');
  await screenshot(page, '33-error-nxdomain');

  await checkBaseUrl(page, `https://${REFUSING_HOST}:${mode.closedPort}/bitbucket`);
  const failed = page.locator('[data-stage][data-status="failed"]');
  await expect(failed).toContainText(`TCP: ${REFUSING_HOST} at 127.0.0.1 port ${mode.closedPort} refused the connection (ECONNREFUSED, direct connection, no proxy)`);
  await expect(failed).not.toContainText('does not exist');
  await expect(page.locator('[data-stage="dns"]')).not.toHaveAttribute('data-status', 'failed');
  await screenshot(page, '34-error-tcp-refused');
});

test('a Data Center 401 is explained without OAuth, app passwords or API tokens', async ({ page }) => {
  await dataCenterOnTarget(page);
  await page.getByLabel('Project key (optional)').fill('SEC');
  await page.getByLabel('Repository slug (optional)').fill('payments');
  await checkBaseUrl(page, mode.sims.dataCenter);
  await expect(page.locator('[data-stage="api_root"]')).toHaveAttribute('data-status', 'passed');
  await page.getByRole('button', { name: /Next: Credentials/ }).click();
  await page.locator('#auth-secret').fill('BBDC-this-token-was-revoked');
  await page.getByRole('button', { name: 'Store and test connection' }).click();
  const blocked = page.locator('[data-code="PROVIDER_AUTH_REQUIRED"]').first();
  await expect(blocked).toContainText('What it means');
  const words = `${await blocked.innerText()}\n${await page.locator('[data-finding="auth"]').innerText()}`;
  expect(words).toMatch(/HTTP 401/u);
  expect(words).not.toMatch(/OAuth|app password|API token/iu);
  await screenshot(page, '35-error-data-center-401');
});

test('Bitbucket Cloud unreachable says what failed, the host, that no proxy was used, and that the app honours HTTPS_PROXY / NO_PROXY', async ({ main, page }) => {
  const { CLOUD_HOST } = main.node;
  await startCloudTarget(page, 'payments');
  await storeApiToken(page, 'ATATT-a-token-that-never-leaves');
  const finding = page.locator('[data-finding="auth"]');
  await expect(finding).toHaveAttribute('data-verdict', 'fail');
  await expect(finding).toContainText('PROVIDER_UNAVAILABLE');
  await expect(finding).toContainText(`TCP: ${CLOUD_HOST} at 127.0.0.1 port ${mode.closedPort} refused the connection (ECONNREFUSED, direct connection, no proxy)`);
  await expect(finding).toContainText('No proxy was used: the app honours HTTPS_PROXY (and NO_PROXY for the hosts it reaches directly)');
  await expect(page.locator('[data-code="PROVIDER_UNAVAILABLE"]').first()).toContainText('HTTPS_PROXY');
  await screenshot(page, '36-error-cloud-unreachable');
});
