import { expect, test } from './support/browser-mode';

// The first screen's frame is rastered and presented before anything else starts competing for
// the CPU (renderer/app/after-first-paint.ts, docs/performance.md): no lazy chunk (the wizard,
// the reviewer, bulk, the health panel, the contract's schemas) and no API call is requested
// before Chromium reports the first contentful paint. Before the change, the lazy screens were requested at
// React's commit and the health panel's chunk during the first render, both before the paint.
// And the built page carries no meta policy (build/inline-stylesheet.ts), which would hold back
// the entry script's preload: the page's only scripts at the first paint are its entry file.

interface Timeline {
  readonly firstPaint: number | null;
  readonly requests: ReadonlyArray<{ readonly name: string; readonly startTime: number }>;
  readonly entry: readonly string[];
}

test('no lazy chunk and no API call starts before the first paint, and then the data loads', async ({ app, page }) => {
  await expect(page).toHaveURL(`${app.server.origin}/`);
  // The version comes from app.info and the health panel from health.report: both came after.
  await expect(page.getByText(/^version \d+\.\d+\.\d+/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This machine' })).toBeVisible();
  const timeline = await page.evaluate((): Timeline => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = [...document.querySelectorAll('script[src]')].map((s) => new URL((s as HTMLScriptElement).src).pathname);
    return {
      firstPaint: paint === undefined ? null : paint.startTime,
      entry: scripts,
      requests: performance
        .getEntriesByType('resource')
        .map((r) => ({ name: new URL(r.name).pathname, startTime: r.startTime }))
        .filter((r) => r.name.startsWith('/assets/') || r.name.startsWith('/api/')),
    };
  });
  expect(timeline.firstPaint, 'Chromium reported the first paint').not.toBeNull();
  const firstPaint = timeline.firstPaint ?? 0;
  expect(timeline.entry).toHaveLength(1);
  const later = timeline.requests.filter((r) => !timeline.entry.includes(r.name));
  // Something did follow: the lazy screens, the schemas and the first calls.
  expect(later.map((r) => r.name)).toEqual(expect.arrayContaining(['/api/app.info', '/api/targets.list', '/api/health.report']));
  expect(later.filter((r) => r.name.startsWith('/assets/')).length).toBeGreaterThanOrEqual(4);
  const early = later.filter((r) => r.startTime < firstPaint);
  expect(early, `requested before the first paint at ${firstPaint.toFixed(0)} ms`).toEqual([]);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy" i]').count()).toBe(0);
});
