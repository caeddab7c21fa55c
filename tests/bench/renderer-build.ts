import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERER_BUILD, rendererPlugins } from '../../electron.vite.config';
import { buildWithVite } from './vite-build';

// One production build of the renderer per bench run, in a temp folder (out/ belongs to the app's
// own build and to other tools), shared by the size and first-paint figures.

let pending: Promise<string> | undefined;
const temps: string[] = [];

export const builtRenderer = (root: string): Promise<string> => {
  pending ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bts-bench-renderer-'));
    temps.push(dir);
    await buildWithVite(join(root, 'renderer'), join(root, 'renderer/index.html'), join(dir, 'app'), RENDERER_BUILD, rendererPlugins());
    return join(dir, 'app');
  })();
  return pending;
};

/** A fresh temp folder removed by cleanupBuilds(). */
export const benchTemp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

export const cleanupBuilds = (): void => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  pending = undefined;
};
