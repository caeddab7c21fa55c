import { readFile, rename, writeFile } from 'node:fs/promises';
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

export const saveBounds = async (dir: string, bounds: WindowBounds): Promise<void> => {
  const file = join(dir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(parseBounds(bounds)), { mode: 0o600 });
  await rename(temp, file);
};
