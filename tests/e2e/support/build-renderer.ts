import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
const SOURCES = ['renderer', 'shared'].map((d) => join(ROOT, d));

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
};

/** True when out/renderer is missing or older than any renderer or shared source file. */
export const rendererIsStale = (): boolean => {
  const index = join(RENDERER_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((dir) => newestMtime(dir) > built);
};

/**
 * Builds only the renderer, with the renderer section of electron.vite.config.ts, when the
 * build is missing or stale. The Node side is not needed: browser mode runs in-process.
 */
export const buildRendererIfStale = async (): Promise<void> => {
  if (!rendererIsStale()) return;
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({
    configFile: false,
    root: join(ROOT, 'renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: RENDERER_OUT, emptyOutDir: true, rollupOptions: { input: join(ROOT, 'renderer/index.html') } },
  });
};
