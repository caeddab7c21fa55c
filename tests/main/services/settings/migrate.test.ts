import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../../../../main/services/settings/migrate';
import { SETTINGS_SCHEMA_VERSION } from '../../../../main/services/settings/settings-data';
import { cloudTarget, dataCenterTarget, passedUrl } from '../../../support/domain-builders';

describe('migrateSettings', () => {
  it('reads a current (version 2) file as it is', () => {
    const v2 = { schema_version: 2, targets: [{ target: cloudTarget(), checks: {} }], preferences: { safe_mode: true } };
    const r = migrateSettings(v2);
    expect(r).toEqual({ ok: true, value: v2 });
  });

  it('fills defaults of a sparse version 1 file', () => {
    expect(migrateSettings({ schema_version: 1 })).toEqual({ ok: true, value: { schema_version: 2, targets: [], preferences: { safe_mode: false } } });
  });

  it('migrates a version 0 file (no schema_version, targets keyed by id, safe_mode on top) to version 1', () => {
    const cloud = cloudTarget({ id: 'cloud-a' });
    const dc = dataCenterTarget({ id: 'dc-b' });
    const v0 = {
      targets: { 'cloud-a': { target: cloud, checks: {} }, 'dc-b': { target: dc, checks: { url_safety: passedUrl } } },
      safe_mode: true,
    };
    const r = migrateSettings(v0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schema_version).toBe(SETTINGS_SCHEMA_VERSION);
    expect(r.value.preferences).toEqual({ safe_mode: true });
    expect(r.value.targets.map((t) => t.target.id)).toEqual(['cloud-a', 'dc-b']);
    expect(r.value.targets[1]?.checks.url_safety?.status).toBe('passed');
  });

  it('migrates an empty version 0 file to empty settings', () => {
    expect(migrateSettings({ safe_mode: false })).toEqual({ ok: true, value: { schema_version: 2, targets: [], preferences: { safe_mode: false } } });
  });

  const unreadable: Array<[string, unknown, RegExp]> = [
    ['null', null, /JSON object/],
    ['a string', 'settings', /JSON object/],
    ['an array', [], /JSON object/],
    ['a negative version', { schema_version: -1 }, /invalid schema_version/],
    ['a string version', { schema_version: '1' }, /invalid schema_version/],
    ['a newer version', { schema_version: 99, targets: [] }, /newer version/],
    ['an unknown object without a version', { foo: 1 }, /version 0/],
    ['v0 with targets as a list', { targets: [1, 2] }, /version 0/],
    ['v1 with a broken target', { schema_version: 1, targets: [{ target: { id: 'X Y' } }] }, /expected shape/],
    ['v1 with a secret field in a target', { schema_version: 1, targets: [{ target: { ...cloudTarget(), token: 'hunter2' } }] }, /expected shape/],
  ];
  it.each(unreadable)('refuses %s with SETTINGS_UNREADABLE and no value in the message', (_label, raw, message) => {
    const r = migrateSettings(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('SETTINGS_UNREADABLE');
    expect(r.error.message).toMatch(message);
    expect(JSON.stringify(r.error)).not.toContain('hunter2');
  });
});
