import { resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import type * as NodeSide from './node-side';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface MainLoader {
  readonly node: typeof NodeSide;
  readonly close: () => Promise<void>;
}

/**
 * Loads the main-process code through Vite's SSR module loader, the way electron-vite bundles
 * it (JSON imports included), instead of Playwright's own TypeScript loader. Dependencies in
 * node_modules (keytar, conf, undici) load natively.
 */
export const loadMain = async (): Promise<MainLoader> => {
  const vite = await ssrLoader();
  const node = (await vite.ssrLoadModule(resolve(ROOT, 'tests/e2e/support/node-side.ts'))) as typeof NodeSide;
  return { node, close: () => vite.close() };
};

/** Vite's SSR module loader over the repository, without a config file, a watcher or HMR. */
export const ssrLoader = async (): Promise<ViteDevServer> => {
  const { createServer } = await import('vite');
  return createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
};
