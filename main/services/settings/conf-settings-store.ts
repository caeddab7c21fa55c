import { join } from 'node:path';
import Conf from 'conf';
import { fail, ok } from '../../../shared/contract/define';
import { migrateSettings } from './migrate';
import { SETTINGS_SCHEMA_VERSION, SettingsData } from './settings-data';
import type { SettingsStore } from './settings-store';

export const SETTINGS_FILE_NAME = 'settings.json';

/**
 * conf's file parser. conf copies whatever JSON.parse returns into a fresh object, which would
 * turn a JSON array into an object with keys "0", "1", …; anything but an object is refused here.
 */
const deserializeSettingsText = (text: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyntaxError('The settings file does not hold a JSON object.');
  return value as Record<string, unknown>;
};

/**
 * The one settings store, for every mode (desktop, browser mode, CLI, tests): `<dir>/settings.json`
 * through `conf`, so the desktop app and the CLI read and write the same file the same way.
 * (electron-store is conf plus a default folder under Electron's userData; the folder here is
 * always given, defaultDataDir in main/composition/, so nothing of it would be used.)
 *
 * No schema or defaults are given to conf: zod (in migrate.ts) is the one judge of the shape, conf
 * only reads and writes the file atomically (temp file, fsync, rename). conf is opened lazily
 * because its constructor reads the file and throws on malformed JSON: that must become
 * SETTINGS_UNREADABLE, not a crash, and the file must stay as it is for the admin to inspect.
 */
export const createConfSettingsStore = ({ dir }: { dir: string }): SettingsStore => {
  const location = join(dir, SETTINGS_FILE_NAME);
  let conf: Conf<Record<string, unknown>> | null = null;
  const open = (): Conf<Record<string, unknown>> => {
    conf ??= new Conf<Record<string, unknown>>({
      cwd: dir,
      configName: 'settings',
      fileExtension: 'json',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      configFileMode: 0o600,
      deserialize: deserializeSettingsText,
    });
    return conf;
  };
  return {
    location,
    read: async () => {
      let raw: unknown;
      try {
        // Reading `store` reads and JSON-parses the file every time.
        raw = open().store;
      } catch (cause) {
        // The parser's message can quote file content; only the kind of failure is kept.
        const kind = cause instanceof SyntaxError ? 'not valid JSON' : 'not readable';
        return fail('SETTINGS_UNREADABLE', `The settings file is ${kind}: ${location}`, { location });
      }
      // An absent file reads as {} (conf's behaviour): that is a fresh start, not version 0.
      if (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0) return ok(SettingsData.parse({ schema_version: SETTINGS_SCHEMA_VERSION }));
      const migrated = migrateSettings(raw);
      if (!migrated.ok) return fail(migrated.error.code, migrated.error.message, { ...migrated.error.details, location });
      // A migrated file is written back once, so a migration that reads the disk (a version-1 CA
      // file) runs once, not on every read.
      if ((raw as Record<string, unknown>)['schema_version'] !== SETTINGS_SCHEMA_VERSION) open().store = migrated.value;
      return migrated;
    },
    write: async (data) => {
      // Parse before writing too: a bug upstream must not persist a shape the next read refuses.
      open().store = SettingsData.parse(data);
    },
  };
};
