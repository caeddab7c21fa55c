import { fail, ok } from '../../../shared/contract/define';
import { migrateSettings } from './migrate';
import { SettingsData } from './settings-data';
import type { SettingsStore } from './settings-store';

/**
 * The part of `conf` (and electron-store, which extends it) this app uses: the whole file as one
 * object. Reading `store` reads and JSON-parses the file every time; assigning it writes a temp
 * file, fsyncs it and renames it over the old one (the `atomically` package).
 */
export interface StoreBackend {
  store: Record<string, unknown>;
  readonly path: string;
}

/**
 * conf's file parser. conf copies whatever JSON.parse returns into a fresh object, which would
 * turn a JSON array into an object with keys "0", "1", …; anything but an object is refused here.
 */
export const deserializeSettingsText = (text: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyntaxError('The settings file does not hold a JSON object.');
  return value as Record<string, unknown>;
};

/**
 * A SettingsStore over a conf-like backend. The backend is opened lazily because conf reads the
 * file in its constructor and throws on malformed JSON; that must become SETTINGS_UNREADABLE, not
 * a crash, and the file must stay as it is for the admin to inspect or restore.
 */
export const settingsStoreOver = (open: () => StoreBackend, location: string): SettingsStore => {
  let backend: StoreBackend | null = null;
  const get = (): StoreBackend => {
    backend ??= open();
    return backend;
  };
  return {
    location,
    read: async () => {
      let raw: unknown;
      try {
        raw = get().store;
      } catch (cause) {
        // The parser's message can quote file content; only the kind of failure is kept.
        const kind = cause instanceof SyntaxError ? 'not valid JSON' : 'not readable';
        return fail('SETTINGS_UNREADABLE', `The settings file is ${kind}: ${location}`, { location });
      }
      // An absent file reads as {} (conf's behaviour): that is a fresh start, not version 0.
      if (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0) return ok(SettingsData.parse({ schema_version: 1 }));
      const migrated = migrateSettings(raw);
      if (!migrated.ok) return fail(migrated.error.code, migrated.error.message, { ...migrated.error.details, location });
      return migrated;
    },
    write: async (data) => {
      // Parse before writing too: a bug upstream must not persist a shape the next read refuses.
      get().store = SettingsData.parse(data);
    },
  };
};
