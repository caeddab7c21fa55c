// `npm run bench`: the performance figures of docs/performance.md, each a ratio against a floor
// measured in the same run. `--smoke` runs every figure a few times without judging anything
// (CI runs it so the script cannot rot); `--only NAME[,NAME]` runs some figures.
// The figures are TypeScript under tests/bench/, loaded through Vite's SSR module loader (the
// same loader the e2e tests use), so they call the real services without a separate build.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { createServer } = await import('vite');
const vite = await createServer({
  configFile: false,
  root: ROOT,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
let code = 1;
try {
  const { runBench } = await vite.ssrLoadModule(resolve(ROOT, 'tests/bench/run.ts'));
  code = await runBench(process.argv.slice(2), ROOT);
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
} finally {
  await vite.close();
}
process.exit(code);
