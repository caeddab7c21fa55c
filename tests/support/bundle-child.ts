import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(__dirname, '../..');

/**
 * Bundles a test's child script from the same TypeScript sources (deps stay in node_modules) into
 * `outDir/<name>.mjs`, for a test that needs a fresh `node` process (a crash, a start-time
 * environment variable). Answers the script's path.
 */
export const bundleChild = async (entry: string, outDir: string, name: string): Promise<string> => {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: { ssr: entry, outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } } },
  });
  return join(outDir, `${name}.mjs`);
};
