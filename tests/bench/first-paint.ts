import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { createApi } from '../../main/api';
import { createNodeDeps } from '../../main/composition/node-deps';
import { startBrowserServer } from '../../main/server/browser-server';
import { memorySecretStore } from '../support/memory-secret-store';
import { benchTemp, builtRenderer } from './renderer-build';
import { sample, type BenchOptions, type BenchRow } from './stats';

// Browser mode in Debian's Chromium: first-contentful-paint of the app (production renderer build,
// real handlers, throw-away data dir, in-memory keychain) against a one-word page served by the
// same server. Every run is a fresh browser context, so nothing is cached.

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><p>blank</p></body></html>\n';

const fcpOf = async (browser: Browser, url: string): Promise<number> => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no first-contentful-paint within 10 s')), 10_000);
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry !== undefined) {
              clearTimeout(timer);
              resolve(entry.startTime);
            }
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
};

export const firstPaintFigure = async (o: BenchOptions): Promise<BenchRow> => {
  const staticDir = await builtRenderer(o.root);
  writeFileSync(join(staticDir, 'blank.html'), BLANK);
  const dataDir = benchTemp('bts-bench-data-');
  const api = createApi({ ...createNodeDeps({ dataDir, mode: 'browser' }), secrets: memorySecretStore().store });
  const server = await startBrowserServer({ api, staticDir });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const blankUrl = `${server.origin}/blank.html`;
    if (!o.smoke) {
      await fcpOf(browser, server.url);
      await fcpOf(browser, blankUrl);
    }
    const runs = o.smoke ? 1 : 7;
    const app: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      app.push(await fcpOf(browser, server.url));
      blank.push(await fcpOf(browser, blankUrl));
    }
    const ours = sample(app);
    return {
      figure: 'browser-mode first paint',
      unit: 'ms',
      ours,
      floor: sample(blank),
      ratio: ours.median / sample(blank).median,
      goal: 'median ≤ 500 ms (absolute)',
      met: o.smoke ? null : ours.median <= 500,
      note: 'first-contentful-paint after navigation start, /usr/bin/chromium headless, fresh context per run; ratio column is ours/blank',
    };
  } finally {
    await browser.close();
    await server.close();
  }
};
