import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { BuildOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { inlineStylesheet } from './build/inline-stylesheet';

/**
 * The renderer build's options beyond Vite's defaults; the bench builds the renderer with the
 * same (tests/bench/renderer-build.ts). index.html lists the entry's static imports as relative
 * modulepreload links, so the browser fetches them with the entry instead of after parsing it (one
 * round trip instead of two before the first paint). No modulepreload links for lazy chunks: Vite's
 * preload helper would add one per dependency to <head>, an absolute URL with the browser-mode
 * server's address in it, which screen-share safe mode must not show; a chunk's own imports load them.
 */
export const RENDERER_BUILD = {
  // electron-vite leaves output unminified by default; the renderer ships minified.
  minify: true,
  modulePreload: { resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }): string[] => (hostType === 'html' ? deps : []) },
  // One initial file: every module the first screen needs in the entry chunk (the lazy chunks
  // import from it), so the first paint waits for one script request, not nine.
  rollupOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } },
} satisfies BuildOptions;

/** The renderer build's plugins (the bench and the e2e build use the same). */
export const rendererPlugins = () => [react(), inlineStylesheet()];

/** The renderer's build options into `outDir`: the app's, the bench's and the e2e tests' build alike. */
export const rendererBuild = (outDir: string, input = resolve('renderer/index.html')): BuildOptions => ({
  outDir,
  ...RENDERER_BUILD,
  rollupOptions: { ...RENDERER_BUILD.rollupOptions, input },
});

// Three builds from one config: the Node side (desktop entry and the CLI, which share the
// services), the sandboxed preload (CommonJS with its few imports bundled), and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          cli: resolve('main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: rendererPlugins(),
    build: rendererBuild('out/renderer'),
  },
});
