import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/browser-mode';
import { screenshot } from './support/screenshot';
import { dataCenterOnTarget } from './support/wizard-walk';

// Issue 14, "Progress for every check": while the Target step's check runs, the progress line
// names the running stage in plain words and its elapsed time against its limit; Cancel stops the
// check in main (it answers CHECK_CANCELLED, shown with its meaning); the step's old results are
// cleared while a new run goes; a rerun passes. Against a Data Center stand-in on loopback whose
// API root answers at once, or holds its answer (a slow link) until the test lets it go.

test.use({ simulators: true });
test.setTimeout(180_000);

/**
 * GET /rest/api/1.0/application-properties as Bitbucket Data Center answers it: RestApplicationProperties
 * (tests/fixtures/openapi/bitbucket-data-center.subset.json), the fields the Data Center simulator sends.
 */
const APPLICATION_PROPERTIES = { version: '9.4.2', buildNumber: '9004002', buildDate: '1730000000000', displayName: 'Bitbucket' };

test('progress shown while a check runs: the stage and elapsed time, Cancel stops it, a rerun clears the old results', async ({ app, page, main }) => {
  void app; // the browser-mode server and the page on it
  let hold = false;
  const held: Array<() => void> = [];
  const answer = { status: 200, body: APPLICATION_PROPERTIES };
  const slow = await main.node.startHttpsSim((req) => {
    if (req.path !== '/bitbucket/rest/api/1.0/application-properties') return { status: 404, body: { errors: [{ message: 'not found' }] } };
    return hold ? new Promise((resolve) => held.push(() => resolve(answer))) : answer;
  });
  try {
    await dataCenterOnTarget(page);
    await page.getByLabel('Base URL').fill(`${slow.origin}/bitbucket`);
    await page.locator('#allowlist-approved_tunnel').check();
    await page.getByRole('button', { name: 'Save and check the base URL' }).click();
    const apiRoot = page.locator('[data-stage="api_root"]');
    await expect(apiRoot).toHaveAttribute('data-status', 'passed');

    // A run on a link that holds the answer: the progress line shows where it waits, then Cancel.
    // Once in light, once in dark (each run within the 10 s headers limit it waits against).
    const line = page.locator('.progress-line');
    const panel = page.locator('.error-panel[data-action="url.checkTarget"]');
    hold = true;
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Check again' }).click();
      const status = line.getByRole('status');
      await expect(status).toHaveText('Waiting for the HTTP answer…');
      await expect(status).toHaveAttribute('aria-live', 'polite');
      const time = line.getByTestId('progress-time');
      await expect(time).toHaveText(/^\d+\.\d s of its 10\.0 s limit · whole check \d+\.\d s of 30\.0 s$/u);
      const first = await time.textContent();
      await expect(time).not.toHaveText(first ?? '');
      // The old results are cleared while the new run goes, and the last run's cancelled state with them.
      await expect(apiRoot).toHaveAttribute('data-status', 'running');
      await expect(panel).toHaveCount(0);
      // Next waits for the running check: the record still holds the previous (passed) result.
      await expect(page.getByRole('button', { name: 'Next: Credentials' })).toBeDisabled();
      await expect(page.getByText('Checking the base URL and probing the API root is still running: wait for its result, or cancel it.')).toBeVisible();
      if (colorScheme === 'light') await screenshot(page, '39-target-check-progress');
      await expectNoAxeViolations(page, `Target step (check in progress, ${colorScheme})`);

      // Cancel stops the check in main: the cancelled state, with its meaning.
      await line.getByRole('button', { name: 'Cancel' }).click();
      await expect(line).toHaveCount(0);
      await expect(panel.getByRole('heading')).toContainText('Check cancelled CHECK_CANCELLED');
      await expect(panel).toContainText('nothing it saw was stored');
      await expectNoAxeViolations(page, `Target step (check cancelled, ${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // A rerun: the link answers again, the check passes, the cancelled state goes.
    hold = false;
    for (const release of held.splice(0)) release();
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(apiRoot).toHaveAttribute('data-status', 'passed');
    await expect(page.getByText('CHECK_CANCELLED')).toHaveCount(0);
  } finally {
    for (const release of held.splice(0)) release();
    await slow.close();
  }
});
