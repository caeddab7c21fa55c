import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchTemp, builtRenderer } from './renderer-build';
import { buildWithVite } from './vite-build';
import { ratioRow, type BenchOptions, type BenchRow, type Sample } from './stats';

// The JavaScript the page loads before first render (index.html's module scripts and
// modulepreloads and, transitively, their static imports; not lazy chunks), gzip -9, against React + react-dom + zustand + zod alone built the same way
// (tests/bench/floor). Both are production builds by Vite into temp folders; out/ is left alone.
// The goal (issue 14, "Speed of the first screen") is asserted: at most 90 KB gzip.

/** The most initial JavaScript the first screen may load, KB gzip -9. */
export const INITIAL_JS_GOAL_KB = 90;

/** Files the page loads as JavaScript at start, relative to the built index.html. */
export const initialScripts = (html: string): string[] => {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/gu)) if (m[1] !== undefined) found.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/gu)) if (m[1] !== undefined) found.push(m[1]);
  return found;
};

/** Relative static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is lazy and not one. */
export const staticImports = (code: string): string[] => [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/gu)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));

/** Every file the page loads before its scripts run: index.html's scripts and, transitively, their static imports. */
const loadedAtStart = (dir: string): string[] => {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(resolve(dirname(file), spec));
  };
  for (const src of initialScripts(readFileSync(join(dir, 'index.html'), 'utf8'))) visit(resolve(dir, src));
  return [...seen];
};

const gzipKb = (dir: string): { kb: number; files: number } => {
  const scripts = loadedAtStart(dir);
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files: scripts.length };
};

/** gzip -9 KB of every other script of the build: what loads later, on demand. */
const lazy = (dir: string): number => {
  const initial = new Set(loadedAtStart(dir));
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js') && !initial.has(join(assets, f)))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length / 1024, 0);
};

const once = (v: number): Sample => ({ median: v, min: v, max: v, runs: 1 });

export const rendererSizeFigure = async (o: BenchOptions): Promise<BenchRow> => {
  const app = await builtRenderer(o.root);
  const floor = join(benchTemp('bts-bench-floor-'), 'floor');
  const floorHtml = join(o.root, 'tests/bench/floor/index.html');
  await buildWithVite(dirname(floorHtml), floorHtml, floor);
  const ours = gzipKb(app);
  const base = gzipKb(floor);
  const row = ratioRow(
    {
      figure: 'renderer initial JavaScript',
      unit: 'KB gzip',
      ours: once(ours.kb),
      floor: once(base.kb),
      goal: `≤ ${INITIAL_JS_GOAL_KB} KB gzip (absolute)`,
      note:
        `${ours.files} file(s) loaded at start (index.html's scripts and their static imports), gzip -9; floor ${base.files} file(s); sizes are deterministic, one build each. ` +
        `Lazy chunks (the contract's schemas, the wizard, the reviewer): ${lazy(app).toFixed(1)} KB gzip in all`,
    },
    INITIAL_JS_GOAL_KB,
    o.smoke,
    (v) => v.median,
  );
  return { ...row, asserted: true };
};
