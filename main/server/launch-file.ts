import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { privateDir } from './private-dir';
import { LAUNCH_CODE_TTL_MS } from './session-gate';

export interface LaunchFile {
  readonly path: string;
  /** `file:///…/launch-….html`: what the browser opener gets. It names a file and grants nothing. */
  readonly fileUrl: string;
  /** Deletes the file; safe to call more than once. */
  readonly remove: () => Promise<void>;
}

export type LaunchFileOutcome = { readonly ok: true; readonly file: LaunchFile } | { readonly ok: false; readonly reason: string };

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A page that sends the browser straight on to the one-time launch link (no script needed). */
export const launchPage = (launchUrl: string): string => {
  const href = escapeAttribute(launchUrl);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>Opening Bitbucket Target Setup…</title></head>',
    `<body><p>Opening Bitbucket Target Setup… If nothing happens, <a href="${href}">open the app</a>.</p></body></html>`,
    '',
  ].join('\n');
};

// O_CREAT|O_EXCL: a file (or symlink) already at the path is an error, never followed or reused.
const OWNER_ONLY_NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;

const LAUNCH_FILE_NAME = /^launch-[0-9a-f]{16}\.html$/;

/**
 * Launch files a killed `serve` left behind: their codes have expired (older than a code's life),
 * so they are only clutter. Younger ones may belong to another running `serve` and stay.
 */
const sweepStale = async (dir: string, now: number): Promise<void> => {
  const names = await readdir(dir).catch(() => []);
  for (const name of names.filter((n) => LAUNCH_FILE_NAME.test(n))) {
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (info?.isFile() === true && now - info.mtimeMs > LAUNCH_CODE_TTL_MS) await rm(path, { force: true }).catch(() => undefined);
  }
};

/**
 * Browser mode's launch file, as Jupyter does it: the one-time launch link goes into an owner-only
 * (0600) HTML file in a private folder (private-dir.ts), and the browser is opened on the file, so
 * a process argument (world-readable in /proc/PID/cmdline) carries only its path. `mintUrl` gets
 * the file's `remove`, to delete it once the code is spent.
 */
export const createLaunchFile = async (
  env: Readonly<Record<string, string | undefined>>,
  mintUrl: (removeFile: () => void) => string,
  dirOptions: Parameters<typeof privateDir>[1] = {},
): Promise<LaunchFileOutcome> => {
  const dir = await privateDir(env, dirOptions);
  if (!dir.ok) return dir;
  await sweepStale(dir.path, Date.now());
  const path = join(dir.path, `launch-${randomBytes(8).toString('hex')}.html`);
  const remove = (): Promise<void> => rm(path, { force: true }).catch(() => undefined);
  const url = mintUrl(() => void remove());
  const cannot = (cause: unknown): LaunchFileOutcome => ({ ok: false, reason: `${path} cannot be written (${(cause as NodeJS.ErrnoException).code ?? 'error'})` });
  let handle;
  try {
    handle = await open(path, OWNER_ONLY_NEW_FILE, 0o600);
  } catch (cause) {
    return cannot(cause);
  }
  try {
    await handle.writeFile(launchPage(url), 'utf8');
  } catch (cause) {
    await handle.close();
    await remove();
    return cannot(cause);
  }
  await handle.close();
  return { ok: true, file: { path, fileUrl: pathToFileURL(path).href, remove } };
};
