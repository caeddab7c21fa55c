import { renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_BOUNDS, parseBounds, type WindowBounds } from './window-bounds';

// The remembered window bounds, in their own small file beside the settings (they change on every
// move, and the settings file carries the user's targets). Read as unknown JSON, parsed with zod.

export const WINDOW_STATE_FILE = 'window-state.json';

export const loadBounds = async (dir: string): Promise<WindowBounds> => {
  try {
    return parseBounds(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    return DEFAULT_BOUNDS;
  }
};

/**
 * Synchronous on purpose: it runs in the window's `close` handler, and the app quits right after
 * the last window closes, before a pending asynchronous write would finish. The file is tiny.
 */
export const saveBoundsSync = (dir: string, bounds: WindowBounds): void => {
  const file = join(dir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(parseBounds(bounds)), { mode: 0o600 });
  renameSync(temp, file);
};
