import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchTemp, builtRenderer } from './renderer-build';
import { buildWithVite } from './vite-build';
import { ratioRow, type BenchOptions, type BenchRow, type Sample } from './stats';

// The JavaScript index.html loads before first render (module scripts and modulepreloads, not
// lazy chunks), gzip -9, against React + react-dom + zustand + zod alone built the same way
// (tests/bench/floor). Both are production builds by Vite into temp folders; out/ is left alone.

/** Files the page loads as JavaScript at start, relative to the built index.html. */
export const initialScripts = (html: string): string[] => {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/gu)) if (m[1] !== undefined) found.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/gu)) if (m[1] !== undefined) found.push(m[1]);
  return found;
};

const gzipKb = (dir: string): { kb: number; files: number } => {
  const scripts = initialScripts(readFileSync(join(dir, 'index.html'), 'utf8'));
  const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(resolve(dir, src)), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files: scripts.length };
};

const once = (v: number): Sample => ({ median: v, min: v, max: v, runs: 1 });

export const rendererSizeFigure = async (o: BenchOptions): Promise<BenchRow> => {
  const app = await builtRenderer(o.root);
  const floor = join(benchTemp('bts-bench-floor-'), 'floor');
  const floorHtml = join(o.root, 'tests/bench/floor/index.html');
  await buildWithVite(dirname(floorHtml), floorHtml, floor);
  const ours = gzipKb(app);
  const base = gzipKb(floor);
  return ratioRow(
    {
      figure: 'renderer initial JavaScript',
      unit: 'KB gzip',
      ours: once(ours.kb),
      floor: once(base.kb),
      goal: '≤ 150 KB gzip total',
      note: `${ours.files} file(s) loaded by index.html, gzip -9; floor ${base.files} file(s); sizes are deterministic, one build each`,
    },
    150,
    o.smoke,
    (v) => v.median,
  );
};
