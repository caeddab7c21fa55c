// Builds the app with electron-vite when the build is missing or older than its sources, so
// `npm run cli` and `npm start` work right after `npm run setup`. Shared by cli.mjs and start.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const SOURCES = ['main', 'shared', 'renderer', 'preload', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const LOCK = join(PROJECT_DIR, 'out', '.build-lock');

/** Newest modification time (ms) of a file or of any file under a folder; 0 when absent. */
const newestMtime = (path) => {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
};

/** True when an output is missing or older than any source. */
export const buildIsStale = (dir = PROJECT_DIR) => {
  const outputs = OUTPUTS.map((o) => join(dir, o));
  if (outputs.some((o) => !existsSync(o))) return true;
  const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(join(dir, s))));
  return newestSource > oldestOutput;
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const holderAlive = () => {
  try {
    const pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return e?.code === 'EPERM';
  }
};

/**
 * One build at a time, across processes (two CLI runs, or test files in parallel): a lock folder
 * in out/ holding the builder's pid. A lock whose process is gone (killed mid-build) is taken over.
 */
const withBuildLock = async (job) => {
  mkdirSync(join(PROJECT_DIR, 'out'), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      await sleep(100);
      if (existsSync(LOCK) && !holderAlive()) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!told) process.stderr.write('Waiting for another build of the app to finish…\n');
      told = true;
      await sleep(200);
    }
  }
  try {
    return await job();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
};

/**
 * Builds when stale. The build's own output goes to stderr, so stdout stays the command's alone.
 * Resolves to 0, or the build's non-zero exit code.
 */
export const ensureBuilt = () =>
  withBuildLock(async () => {
    if (!buildIsStale()) return 0;
    process.stderr.write('Building the app (electron-vite build)…\n');
    const bin = join(PROJECT_DIR, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
    if (!existsSync(bin)) {
      process.stderr.write('electron-vite is not installed: run `npm run setup` (or `npm ci`) first.\n');
      return 1;
    }
    const result = spawnSync(bin, ['build'], { cwd: PROJECT_DIR, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
    if (result.status !== 0) {
      process.stderr.write(`The build failed (exit ${result.status ?? result.signal}).\n`);
      return result.status ?? 1;
    }
    return 0;
  });
