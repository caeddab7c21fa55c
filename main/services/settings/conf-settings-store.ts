import { join } from 'node:path';
import Conf from 'conf';
import { deserializeSettingsText, settingsStoreOver } from './backed-settings-store';
import type { SettingsStore } from './settings-store';

export const SETTINGS_FILE_NAME = 'settings.json';

/**
 * Settings for plain Node (CLI, browser mode, tests): `<dir>/settings.json` through `conf`.
 * No schema or defaults are given to conf: zod (in migrate.ts) is the one judge of the shape,
 * conf only reads and writes the file atomically.
 */
export const createConfSettingsStore = ({ dir }: { dir: string }): SettingsStore =>
  settingsStoreOver(
    () =>
      new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: 'settings',
        fileExtension: 'json',
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        watch: false,
        configFileMode: 0o600,
        deserialize: deserializeSettingsText,
      }),
    join(dir, SETTINGS_FILE_NAME),
  );
