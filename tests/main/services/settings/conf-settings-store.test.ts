import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfSettingsStore } from '../../../../main/services/settings/conf-settings-store';
import { emptySettings, type SettingsData } from '../../../../main/services/settings/settings-data';
import { cloudTarget } from '../../../support/domain-builders';
import { largeSettings } from './settings-samples';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'bts-settings-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('createConfSettingsStore', () => {
  it('reads empty settings when no file exists, without creating one', async () => {
    const dir = tempDir();
    const store = createConfSettingsStore({ dir });
    expect(store.location).toBe(join(dir, 'settings.json'));
    expect(await store.read()).toEqual({ ok: true, value: emptySettings() });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes settings.json and reads it back (a fresh store sees it too)', async () => {
    const dir = tempDir();
    const data: SettingsData = { ...emptySettings(), targets: [{ target: cloudTarget(), checks: {} }] };
    await createConfSettingsStore({ dir }).write(data);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual(data);
    expect(await createConfSettingsStore({ dir }).read()).toEqual({ ok: true, value: data });
  });

  it('parses on every read: a file changed behind its back is re-judged', async () => {
    const dir = tempDir();
    const store = createConfSettingsStore({ dir });
    await store.write(emptySettings());
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schema_version: 1, targets: [{ target: { id: 'BAD ID' } }] }));
    const r = await store.read();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('SETTINGS_UNREADABLE');
  });

  it('migrates a version 0 file on read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ targets: { 'cloud-1': { target: cloudTarget() } }, safe_mode: true }));
    const r = await createConfSettingsStore({ dir }).read();
    expect(r.ok && r.value.targets[0]?.target.id).toBe('cloud-1');
    expect(r.ok && r.value.preferences.safe_mode).toBe(true);
  });

  const corrupt: Array<[string, string]> = [
    ['truncated JSON', '{"schema_version": 1, "targets": [{"tar'],
    ['not JSON at all', 'hello'],
    ['an empty file', ''],
    ['a JSON array', '[1,2,3]'],
    ['a newer schema', '{"schema_version": 7}'],
  ];
  it.each(corrupt)('answers SETTINGS_UNREADABLE for %s and leaves the file untouched', async (_label, content) => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    writeFileSync(file, content);
    const before = statSync(file);
    const store = createConfSettingsStore({ dir });
    const r = await store.read();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('SETTINGS_UNREADABLE');
      expect(r.error.details?.['location']).toBe(file);
    }
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('writes atomically: the new content arrives as a new file renamed over the old one', async () => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    const store = createConfSettingsStore({ dir });
    await store.write(largeSettings('first', 50));
    const firstInode = statSync(file).ino;
    await store.write(largeSettings('second', 50));
    // An in-place write keeps the inode; write-temp-then-rename replaces it.
    expect(statSync(file).ino).not.toBe(firstInode);
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to write a shape the next read would refuse', async () => {
    const dir = tempDir();
    const bad = { ...emptySettings(), targets: [{ target: { id: 'nope' }, checks: {} }] } as unknown as SettingsData;
    await expect(createConfSettingsStore({ dir }).write(bad)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
