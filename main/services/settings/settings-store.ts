import type { Result } from '../../../shared/contract/define';
import type { SettingsData } from './settings-data';

/**
 * Non-secret settings. One implementation (conf-settings-store.ts) serves every mode; tests may
 * plug in their own. Every read runs the zod parse and migrations; writes are atomic.
 */
export interface SettingsStore {
  /** SETTINGS_UNREADABLE when the file exists but cannot be parsed or migrated. */
  read(): Promise<Result<SettingsData>>;
  write(data: SettingsData): Promise<void>;
  /** Where the file lives, for "Open settings folder" and support. */
  readonly location: string;
}
