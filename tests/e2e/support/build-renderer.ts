import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Its own output folder, so a concurrent `electron-vite build` (which empties out/renderer) cannot pull files from under a running spec. */
export const RENDERER_OUT = join(ROOT, 'out/e2e-renderer');
const STAMP = join(RENDERER_OUT, '.source-hash');
// The sources and the build config with its one local plugin (the stylesheet inliner, which imports nothing of the app).
const SOURCES = ['renderer', 'shared', 'electron.vite.config.ts', 'build/inline-stylesheet.ts'].map((d) => join(ROOT, d));

const hashTree = (dir: string, hash: ReturnType<typeof createHash>): void => {
  if (statSync(dir).isFile()) {
    hash.update(dir).update(readFileSync(dir));
    return;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(path, hash);
    else hash.update(path).update(readFileSync(path));
  }
};

/** A hash of every renderer and shared source file: the build is fresh when its stamp matches. */
export const sourceHash = (): string => {
  const hash = createHash('sha256');
  for (const dir of SOURCES) hashTree(dir, hash);
  return hash.digest('hex');
};

export const rendererIsStale = (hash: string = sourceHash()): boolean =>
  !existsSync(join(RENDERER_OUT, 'index.html')) || !existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== hash;

/**
 * Builds only the renderer (the renderer section of electron.vite.config.ts: root renderer/,
 * its plugins, relative base, rendererBuild) when the build is missing or was made from other sources. The
 * Node side is not needed: the specs run browser mode in-process.
 */
export const buildRendererIfStale = async (): Promise<void> => {
  const hash = sourceHash();
  if (!rendererIsStale(hash)) return;
  const { build } = await import('vite');
  const { rendererBuild, rendererPlugins } = await import('../../../electron.vite.config');
  await build({
    configFile: false,
    root: join(ROOT, 'renderer'),
    base: './',
    logLevel: 'warn',
    plugins: rendererPlugins(),
    build: { ...rendererBuild(RENDERER_OUT, join(ROOT, 'renderer/index.html')), emptyOutDir: true },
  });
  writeFileSync(STAMP, hash);
};
