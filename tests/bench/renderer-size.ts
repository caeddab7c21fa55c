import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ratioRow, type BenchOptions, type BenchRow, type Sample } from './stats';

// The JavaScript index.html loads before first render (module scripts and modulepreloads, not
// lazy chunks), gzip -9, against React + react-dom + zustand + zod alone built the same way
// (tests/bench/floor). Both are built by Vite into temp folders; out/ is left alone.

export const buildWithVite = async (root: string, input: string, outDir: string): Promise<void> => {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  // The bench runs inside Vite's dev server, which sets NODE_ENV=development; a build must not
  // inherit it (React's development build would be measured).
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: false,
      mode: 'production',
      root,
      base: './',
      logLevel: 'silent',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, rollupOptions: { input } },
    });
  } finally {
    if (previous === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = previous;
  }
};

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
  const temp = mkdtempSync(join(tmpdir(), 'bts-bench-size-'));
  try {
    const app = join(temp, 'app');
    const floor = join(temp, 'floor');
    await buildWithVite(join(o.root, 'renderer'), join(o.root, 'renderer/index.html'), app);
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
      (ours) => ours.median,
    );
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
};
