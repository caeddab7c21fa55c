import { z } from 'zod';
import { CheckResults } from '../../../shared/domain/checks';
import { TargetConfig } from '../../../shared/domain/target';

// What the settings file holds: non-secret target settings and their check evidence. Parsed with
// zod on every read; `schema_version` drives the migrations in migrate.ts.

export const SETTINGS_SCHEMA_VERSION = 1;

export const StoredTarget = z.object({
  target: TargetConfig,
  checks: CheckResults.default({}),
});
export type StoredTarget = z.infer<typeof StoredTarget>;

export const Preferences = z.object({
  safe_mode: z.boolean().default(false),
});
export type Preferences = z.infer<typeof Preferences>;

export const SettingsData = z.object({
  schema_version: z.literal(SETTINGS_SCHEMA_VERSION),
  targets: z.array(StoredTarget).default([]),
  preferences: Preferences.default({ safe_mode: false }),
});
export type SettingsData = z.infer<typeof SettingsData>;

export const emptySettings = (): SettingsData => ({
  schema_version: SETTINGS_SCHEMA_VERSION,
  targets: [],
  preferences: { safe_mode: false },
});
