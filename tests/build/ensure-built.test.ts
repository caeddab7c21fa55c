import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from './process-helpers';

// The staleness rule of build/ensure-built.mjs, on a fake project tree with chosen mtimes.

const load = async (): Promise<{ buildIsStale: (dir: string) => boolean }> =>
  (await import(pathToFileURL(join(PROJECT_DIR, 'build', 'ensure-built.mjs')).href)) as { buildIsStale: (dir: string) => boolean };

const root = mkdtempSync(join(tmpdir(), 'bts-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const OUTPUTS = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['main/cli/index.ts', 'shared/contract/contract.ts', 'renderer/main.tsx', 'preload/index.ts', 'electron.vite.config.ts', 'package.json'];

const put = (dir: string, file: string, atSeconds: number): void => {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file);
  utimesSync(path, atSeconds, atSeconds);
};

const tree = (name: string, sourceAt: number, outputAt: number, skipOutput?: string): string => {
  const dir = join(root, name);
  for (const s of SOURCES) put(dir, s, sourceAt);
  for (const o of OUTPUTS) if (o !== skipOutput) put(dir, o, outputAt);
  return dir;
};

describe('buildIsStale', () => {
  it('is fresh when every output is newer than every source', async () => {
    expect((await load()).buildIsStale(tree('fresh', 1_000, 2_000))).toBe(false);
  });

  it.each(OUTPUTS)('is stale when %s is missing', async (output) => {
    expect((await load()).buildIsStale(tree(`missing-${output.replace(/\W/g, '_')}`, 1_000, 2_000, output))).toBe(true);
  });

  it.each(SOURCES)('is stale when %s changed after the build', async (source) => {
    const dir = tree(`changed-${source.replace(/\W/g, '_')}`, 1_000, 2_000);
    put(dir, source, 3_000);
    expect((await load()).buildIsStale(dir)).toBe(true);
  });
});
