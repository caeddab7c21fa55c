#!/usr/bin/env node
// `npm run package`: builds the app and packs installers with electron-builder
// (build/electron-builder.yml): Linux AppImage + deb, macOS dmg (hardened runtime), Windows nsis.
//
//   npm run package                 installers for this OS
//   npm run package -- --linux      (or --mac, --win) a chosen target; macOS dmg only on macOS
//   npm run package -- --check      print what packaging needs and whether it is here; no network
//
// Packaging needs the Electron runtime for the target platform (a ~100 MB zip from GitHub, or a
// mirror) and Electron's headers to rebuild keytar for Electron's ABI. Where that download is
// blocked, this script says so plainly; the app still runs in browser mode (`npm start` falls back
// to it, or `npm run cli -- serve`), which needs no Electron at all.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(ROOT, 'build', 'electron-builder.yml');
const { values } = parseArgs({
  options: { check: { type: 'boolean' }, linux: { type: 'boolean' }, mac: { type: 'boolean' }, win: { type: 'boolean' } },
});

const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** Where electron-builder (@electron/get) keeps downloaded runtimes. */
const electronCache = () => {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? homedir(), 'electron', 'Cache');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
};

const cachedRuntimes = () => {
  const dir = electronCache();
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes(`electron-v${electronVersion}-`) && f.endsWith('.zip'));
};

const EXPLANATION = `
Packaging could not finish, most likely because the Electron ${electronVersion} runtime (or its
headers, needed to rebuild keytar for Electron) could not be downloaded from GitHub / electronjs.org.
Corporate networks often block that download. Ways forward:
  - run \`npm run package\` on a machine that can reach github.com and electronjs.org;
  - or point ELECTRON_MIRROR at an internal mirror of the Electron releases
    (and npm_config_disturl / ELECTRON_HEADERS_MIRROR for the headers);
  - or put electron-v${electronVersion}-<platform>-<arch>.zip in ${electronCache()} beforehand.
Nothing else is needed to use the app meanwhile: browser mode serves the same UI and checks on
127.0.0.1 (\`npm start\` falls back to it; \`npm run cli -- serve\` starts it directly).`;

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return result.status ?? 1;
};

const targets = ['linux', 'mac', 'win'].filter((t) => values[t]);

if (values.check) {
  const cached = cachedRuntimes();
  console.log(`config:           ${CONFIG} ${existsSync(CONFIG) ? '(present)' : '(MISSING)'}`);
  console.log(`electron:         ${electronVersion}`);
  console.log(`targets:          ${targets.length > 0 ? targets.join(', ') : `this OS (${process.platform})`}`);
  console.log(`runtime cache:    ${electronCache()}`);
  console.log(`cached runtimes:  ${cached.length > 0 ? cached.join(', ') : 'none — packaging will download one'}`);
  console.log(`mirror:           ${process.env.ELECTRON_MIRROR ?? '(default: github.com)'}`);
  console.log('keytar:           rebuilt for Electron by electron-builder (npmRebuild), restored for Node afterwards');
  process.exit(existsSync(CONFIG) ? 0 : 1);
}

console.log('package: building with electron-vite…');
if (run('npx', ['electron-vite', 'build']) !== 0) {
  console.error('package: the build failed; fix it first (npm run build).');
  process.exit(1);
}

console.log(`package: packing with electron-builder (Electron ${electronVersion})…`);
const packed = run('npx', ['electron-builder', '--config', CONFIG, '--publish', 'never', ...targets.map((t) => `--${t}`)]);

// electron-builder rebuilt keytar in node_modules for Electron's ABI; the CLI, browser mode and
// the tests run on Node, so rebuild it back. Debian ships Node's headers under /usr/include/node.
console.log('package: rebuilding keytar for Node again (CLI, browser mode, tests)…');
const nodedir = existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
const restored = run('npm', ['rebuild', 'keytar'], nodedir);
if (restored !== 0) console.error('package: `npm rebuild keytar` failed; run it by hand before `npm test`.');

if (packed !== 0) {
  console.error(EXPLANATION);
  process.exit(1);
}
console.log('package: installers are in dist/.');
