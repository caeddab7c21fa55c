import type { Result } from '../../../shared/contract/define';
import type { SettingsData } from './settings-data';

/**
 * Non-secret settings. The plain-Node implementation uses `conf`, the desktop one electron-store;
 * both run the same zod parse and migrations on every read and write atomically.
 */
export interface SettingsStore {
  /** SETTINGS_UNREADABLE when the file exists but cannot be parsed or migrated. */
  read(): Promise<Result<SettingsData>>;
  write(data: SettingsData): Promise<void>;
  /** Where the file lives, for "Open settings folder" and support. */
  readonly location: string;
}
