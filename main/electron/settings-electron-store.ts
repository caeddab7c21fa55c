import { join } from 'node:path';
import { app } from 'electron';
import ElectronStore from 'electron-store';
import { deserializeSettingsText, settingsStoreOver } from '../services/settings/backed-settings-store';
import { SETTINGS_FILE_NAME } from '../services/settings/conf-settings-store';
import type { SettingsStore } from '../services/settings/settings-store';

/**
 * The desktop app's settings: electron-store (a `conf` subclass) over the same lazy open,
 * migrations and zod parse as the plain-Node store, so both read and write `settings.json` the
 * same way. Cannot run outside Electron. `dir` defaults to Electron's userData folder; pass the
 * CLI's data dir (e.g. from BTS_DATA_DIR) to make the desktop app and the CLI share one file.
 */
export const createElectronSettingsStore = (options: { dir?: string } = {}): SettingsStore => {
  const dir = options.dir ?? app.getPath('userData');
  return settingsStoreOver(
    () =>
      new ElectronStore<Record<string, unknown>>({
        name: 'settings',
        cwd: dir,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        watch: false,
        configFileMode: 0o600,
        deserialize: deserializeSettingsText,
      }),
    join(dir, SETTINGS_FILE_NAME),
  );
};
