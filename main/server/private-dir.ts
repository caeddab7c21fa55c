import { lstat, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export type PrivateDir = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

const APP_FOLDER = 'bitbucket-target-setup';

/**
 * Why `path` is not a folder only this user can enter, or null when it is: a real directory (a
 * symlink is refused, even to a good folder), owned by this user, no group or other permission
 * bits. Windows has no POSIX owner or mode; there the per-user temp folder is trusted as it is.
 */
export const whyNotPrivate = async (path: string, uid: number | undefined = process.getuid?.()): Promise<string | null> => {
  let info;
  try {
    info = await lstat(path);
  } catch (cause) {
    return `${path} cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (info.isSymbolicLink()) return `${path} is a symbolic link`;
  if (!info.isDirectory()) return `${path} is not a directory`;
  if (uid === undefined) return null;
  if (info.uid !== uid) return `${path} belongs to another user (uid ${info.uid})`;
  if ((info.mode & 0o077) !== 0) return `${path} can be entered by other users (mode ${(info.mode & 0o777).toString(8)})`;
  return null;
};

const ownFolder = async (path: string, uid: number | undefined): Promise<PrivateDir> => {
  try {
    await mkdir(path, { mode: 0o700 });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, reason: `${path} cannot be created (${(cause as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const why = await whyNotPrivate(path, uid);
  return why === null ? { ok: true, path } : { ok: false, reason: why };
};

/**
 * A folder for files only this user may read: `$XDG_RUNTIME_DIR/bitbucket-target-setup` when the
 * runtime dir is set (and is itself private), else `<tmp>/bitbucket-target-setup-<uid>`, created
 * 0700. An existing folder that is a symlink, another user's or open to others is refused, never
 * repaired: in a shared /tmp someone else may have planted it.
 */
export const privateDir = async (
  env: Readonly<Record<string, string | undefined>>,
  { tmp = tmpdir(), uid = process.getuid?.() }: { readonly tmp?: string; readonly uid?: number } = {},
): Promise<PrivateDir> => {
  const runtime = env['XDG_RUNTIME_DIR'];
  if (runtime !== undefined && runtime !== '') {
    if (!isAbsolute(runtime)) return { ok: false, reason: `XDG_RUNTIME_DIR is not an absolute path (${JSON.stringify(runtime.slice(0, 80))})` };
    const why = await whyNotPrivate(runtime, uid);
    if (why !== null) return { ok: false, reason: `XDG_RUNTIME_DIR is not private: ${why}` };
    return ownFolder(join(runtime, APP_FOLDER), uid);
  }
  return ownFolder(join(tmp, uid === undefined ? APP_FOLDER : `${APP_FOLDER}-${uid}`), uid);
};
