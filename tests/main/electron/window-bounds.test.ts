import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, fitToDisplays, parseBounds } from '../../../main/electron/window-bounds';
import { loadBounds, saveBoundsSync, WINDOW_STATE_FILE } from '../../../main/electron/window-bounds-file';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window bounds', () => {
  it.each([
    ['nothing', undefined],
    ['a string', 'big'],
    ['a too small window', { width: 10, height: 10 }],
    ['a fractional size', { width: 800.5, height: 600 }],
    ['a huge window', { width: 1e9, height: 600 }],
  ])('falls back to the default size for %s', (_label, raw) => {
    expect(parseBounds(raw)).toEqual(DEFAULT_BOUNDS);
  });

  it('keeps a position that is on a display', () => {
    expect(fitToDisplays({ x: 100, y: 100, width: 800, height: 600 }, [SCREEN])).toEqual({ x: 100, y: 100, width: 800, height: 600 });
  });

  it('drops a position on a display that is gone', () => {
    expect(fitToDisplays({ x: 3000, y: 100, width: 800, height: 600 }, [SCREEN])).toEqual({ width: 800, height: 600 });
  });

  it('round-trips through the state file and survives a corrupt one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bts-bounds-'));
    try {
      expect(await loadBounds(dir)).toEqual(DEFAULT_BOUNDS);
      saveBoundsSync(dir, { x: 5, y: 6, width: 900, height: 700 });
      expect(await loadBounds(dir)).toEqual({ x: 5, y: 6, width: 900, height: 700 });
      await writeFile(join(dir, WINDOW_STATE_FILE), '{not json');
      expect(await loadBounds(dir)).toEqual(DEFAULT_BOUNDS);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
