// `npm start`: build if stale, then launch the desktop app. When the Electron runtime is missing
// (it is downloaded from GitHub on first use, and some networks block that), try the download
// once; if that fails too, explain why and start browser mode instead, printing its URL.
// `npm start -- --private-keyring` (a headless jump host without a Secret Service) goes straight to
// browser mode with a throw-away keyring in a private D-Bus session for this run (serve --private-keyring).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureBuilt, PROJECT_DIR } from './ensure-built.mjs';

const require = createRequire(join(PROJECT_DIR, 'package.json'));
// Tests point this at a module that does not exist, so they take the browser-mode path on any machine.
const ELECTRON_MODULE = process.env.BTS_ELECTRON_MODULE || 'electron';
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** The Electron binary's path, or null when the runtime is not installed. */
const electronPath = () => {
  try {
    const resolved = require.resolve(ELECTRON_MODULE);
    delete require.cache[resolved];
    const path = require(ELECTRON_MODULE);
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
};

const tryDownload = () => {
  if (process.env.BTS_SKIP_ELECTRON_DOWNLOAD === '1') return false;
  const installer = join(PROJECT_DIR, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  process.stderr.write('The Electron runtime is not installed yet; downloading it once (up to 60 s)…\n');
  const result = spawnSync(process.execPath, [installer], { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'], timeout: DOWNLOAD_TIMEOUT_MS, encoding: 'utf8' });
  if (result.status === 0) return true;
  // The installer prints a stack trace; its first line says enough (e.g. ENOTFOUND github.com).
  const first = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').find((l) => l.trim() !== '');
  const why = result.error?.code === 'ETIMEDOUT' ? 'timed out after 60 s' : (first?.trim() ?? `exit ${result.status}`);
  process.stderr.write(`Download failed: ${why.slice(0, 200)}\n`);
  return false;
};

/** Runs a child with our stdio, passes Ctrl-C / SIGTERM on, and exits with its code. */
const runForwarding = (command, args, env = process.env) => {
  const child = spawn(command, args, { cwd: PROJECT_DIR, stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.once('error', (e) => {
    process.stderr.write(`Could not start ${command}: ${e.message}\n`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
};

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--private-keyring');
if (unknown.length > 0) {
  process.stderr.write(`npm start: unknown option ${unknown[0]}; the only one is --private-keyring (browser mode with a throw-away keyring for this run).\n`);
  process.exit(2);
}
const privateKeyring = args.includes('--private-keyring');

const built = await ensureBuilt();
if (built !== 0) process.exit(built);

let electron = privateKeyring ? null : electronPath();
if (electron === null && !privateKeyring && tryDownload()) electron = electronPath();

if (privateKeyring) {
  process.stderr.write('Starting browser mode with a private keyring for this run (credentials are gone when it stops). Open the URL printed below. Press Ctrl-C to stop.\n');
  runForwarding(process.execPath, [join(PROJECT_DIR, 'out', 'main', 'cli.js'), 'serve', '--private-keyring']);
} else if (electron !== null) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwarding(electron, [PROJECT_DIR], env);
} else {
  process.stderr.write(
    [
      'The Electron runtime could not be downloaded (it comes from GitHub, which this network blocks). Starting browser mode instead:',
      'the same app and checks, served on 127.0.0.1 only, in your browser. Open the URL printed below',
      '(a one-time link for this launch; the desktop app starts instead once Electron can be installed). Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  runForwarding(process.execPath, [join(PROJECT_DIR, 'out', 'main', 'cli.js'), 'serve']);
}
