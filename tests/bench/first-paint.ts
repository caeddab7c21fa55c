import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { createApi } from '../../main/api';
import { createNodeDeps } from '../../main/composition/node-deps';
import { startBrowserServer } from '../../main/server/browser-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../support/chromium';
import { memorySecretStore } from '../support/memory-secret-store';
import { benchTemp, builtRenderer } from './renderer-build';
import { median, notMeasured, sample, type BenchOptions, type BenchRow } from './stats';
import { buildWithVite } from './vite-build';

// Browser mode in Debian's Chromium: first-contentful-paint of the app (production renderer build,
// real handlers, throw-away data dir, in-memory keychain) against a one-word page served by the
// same server. Every run is a fresh browser context, so nothing is cached.


const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><p>blank</p></body></html>\n';

interface PaintTimes {
  /** first-contentful-paint, ms after navigation start. */
  readonly fcp: number;
  /** When the last script finished arriving (0 for a page without scripts). */
  readonly scriptsLoaded: number;
  /** DOMContentLoaded end: module scripts have run by then. */
  readonly dcl: number;
}

const paintOf = async (browser: Browser, url: string): Promise<PaintTimes> => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(
      () =>
        new Promise<PaintTimes>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no first-contentful-paint within 10 s')), 10_000);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry === undefined) return;
            clearTimeout(timer);
            const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
            const nav = performance.getEntriesByType('navigation')[0];
            resolve({
              fcp: entry.startTime,
              scriptsLoaded: Math.max(0, ...scripts.map((r) => (r as PerformanceResourceTiming).responseEnd)),
              dcl: nav === undefined ? 0 : (nav as PerformanceNavigationTiming).domContentLoadedEventEnd,
            });
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
};

export const firstPaintFigure = async (o: BenchOptions): Promise<BenchRow> => {
  if (!existsSync(CHROMIUM)) {
    return notMeasured('browser-mode first paint', 'ms', 'median ≤ 500 ms (absolute)', `not measured: ${CHROMIUM} is missing (apt-get install chromium)`);
  }
  const staticDir = await builtRenderer(o.root);
  writeFileSync(join(staticDir, 'blank.html'), BLANK);
  // A third reference: React + react-dom + zustand + zod alone (the size figure's floor app),
  // served by the same server, shows what the libraries cost before any app code.
  const floorHtml = join(o.root, 'tests/bench/floor/index.html');
  if (!o.smoke) await buildWithVite(dirname(floorHtml), floorHtml, join(staticDir, 'floor'));
  const dataDir = benchTemp('bts-bench-data-');
  const api = createApi({ ...createNodeDeps({ dataDir, mode: 'browser' }), secrets: memorySecretStore().store });
  const server = await startBrowserServer({ api, staticDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    const blankUrl = `${server.origin}/blank.html`;
    const libsUrl = `${server.origin}/floor/index.html`;
    if (!o.smoke) {
      await paintOf(browser, server.launchUrl());
      await paintOf(browser, blankUrl);
    }
    const runs = o.smoke ? 1 : 7;
    const app: PaintTimes[] = [];
    const blank: number[] = [];
    const libs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      app.push(await paintOf(browser, server.launchUrl()));
      blank.push((await paintOf(browser, blankUrl)).fcp);
      if (!o.smoke) libs.push((await paintOf(browser, libsUrl)).fcp);
    }
    const ours = sample(app.map((t) => t.fcp));
    const at = (pick: (t: PaintTimes) => number): string => median(app.map(pick)).toFixed(0);
    return {
      figure: 'browser-mode first paint',
      unit: 'ms',
      ours,
      floor: sample(blank),
      ratio: ours.median / sample(blank).median,
      goal: 'median ≤ 500 ms (absolute)',
      met: o.smoke ? null : ours.median <= 500,
      note:
        'first-contentful-paint after navigation start, /usr/bin/chromium headless, fresh context per run; ratio column is ours/blank. ' +
        `App medians: script loaded at ${at((t) => t.scriptsLoaded)} ms, DOMContentLoaded (script run) at ${at((t) => t.dcl)} ms, first paint at ${at((t) => t.fcp)} ms. ` +
        (libs.length === 0 ? '' : `React + react-dom + zustand + zod alone (tests/bench/floor): first paint ${median(libs).toFixed(0)} ms median`),
    };
  } finally {
    await browser.close();
    await server.close();
  }
};
