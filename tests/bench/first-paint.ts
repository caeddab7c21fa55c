import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from '@playwright/test';
import { createApi } from '../../main/api';
import { createNodeDeps } from '../../main/composition/node-deps';
import { startBrowserServer } from '../../main/server/browser-server';
import { CHROMIUM_PATH as CHROMIUM } from '../support/chromium';
import { memorySecretStore } from '../support/memory-secret-store';
import { launchQuietChromium } from './quiet-chromium';
import { benchTemp, builtRenderer } from './renderer-build';
import { median, notMeasured, ratioRow, sample, type BenchOptions, type BenchRow } from './stats';
import { buildWithVite } from './vite-build';

// Browser mode in Debian's Chromium: first-contentful-paint of the app (production renderer build,
// real handlers, throw-away data dir, in-memory keychain) against the libraries alone — React +
// react-dom + zustand + classic zod (tests/bench/floor), built the same way and served by the same
// server — so the ratio is the app's own cost. A one-word page is measured beside them (what
// Chromium itself costs). Runs interleave the three; every run is a fresh browser context, so
// nothing is cached. The goal (issue 14, "Speed of the first screen") is asserted: the app's
// median at most 1.15x the floor's median, in the same run.

/** The most the app's first paint may cost over the libraries alone (ratio of medians). */
export const FIRST_PAINT_GOAL_RATIO = 1.15;
const GOAL = `median ≤ ${FIRST_PAINT_GOAL_RATIO}x the libraries alone`;


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
    return { ...notMeasured('browser-mode first paint', 'ms', GOAL, `not measured: ${CHROMIUM} is missing (apt-get install chromium)`), asserted: true };
  }
  const staticDir = await builtRenderer(o.root);
  writeFileSync(join(staticDir, 'blank.html'), BLANK);
  const floorHtml = join(o.root, 'tests/bench/floor/index.html');
  await buildWithVite(dirname(floorHtml), floorHtml, join(staticDir, 'floor'));
  const dataDir = benchTemp('bts-bench-data-');
  const api = createApi({ ...createNodeDeps({ dataDir, mode: 'browser' }), secrets: memorySecretStore().store });
  const server = await startBrowserServer({ api, staticDir });
  const browser = await launchQuietChromium();
  try {
    const blankUrl = `${server.origin}/blank.html`;
    const libsUrl = `${server.origin}/floor/index.html`;
    if (!o.smoke) {
      // Warm-up: the first page of a fresh browser also starts its network and GPU processes.
      await paintOf(browser, server.launchUrl());
      await paintOf(browser, libsUrl);
      await paintOf(browser, blankUrl);
    }
    const runs = o.smoke ? 1 : 9;
    const app: PaintTimes[] = [];
    const libs: PaintTimes[] = [];
    const blank: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      app.push(await paintOf(browser, server.launchUrl()));
      libs.push(await paintOf(browser, libsUrl));
      blank.push((await paintOf(browser, blankUrl)).fcp);
    }
    const ours = sample(app.map((t) => t.fcp));
    const floor = sample(libs.map((t) => t.fcp));
    const at = (times: readonly PaintTimes[], pick: (t: PaintTimes) => number): string => median(times.map(pick)).toFixed(0);
    const split = (times: readonly PaintTimes[]): string =>
      `last script arrived at ${at(times, (t) => t.scriptsLoaded)} ms, DOMContentLoaded (script run) at ${at(times, (t) => t.dcl)} ms, first paint at ${at(times, (t) => t.fcp)} ms`;
    const row = ratioRow(
      {
        figure: 'browser-mode first paint',
        unit: 'ms',
        ours,
        floor,
        goal: GOAL,
        note:
          'first-contentful-paint after navigation start, /usr/bin/chromium headless without its omnibox popup WebUI (tests/bench/quiet-chromium.ts), fresh context per run, app / libraries / blank interleaved; ' +
          'floor = React + react-dom + zustand + classic zod alone (tests/bench/floor). ' +
          `App medians: ${split(app)}. Floor medians: ${split(libs)}. One-word page: first paint ${median(blank).toFixed(0)} ms median`,
      },
      FIRST_PAINT_GOAL_RATIO,
      o.smoke,
    );
    return { ...row, asserted: true };
  } finally {
    await browser.close();
    await server.close();
  }
};
