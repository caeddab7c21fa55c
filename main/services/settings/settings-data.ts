import { z } from 'zod';
import { CheckResults } from '../../../shared/domain/checks';
import { CredentialBindings } from '../../../shared/domain/credential-binding';
import { CredentialMeta } from '../../../shared/domain/credential-meta';
import { ReviewSaveStored } from '../../../shared/domain/review-save';
import { TargetConfig } from '../../../shared/domain/target';

// What the settings file holds: non-secret target settings and their check evidence. Parsed with
// zod on every read; `schema_version` drives the migrations in migrate.ts.

/** 2: a Data Center target's corporate CA is stored as PEM content (`ca`), no longer as a path (`ca_file`). */
export const SETTINGS_SCHEMA_VERSION = 2;

export const StoredTarget = z.object({
  target: TargetConfig,
  checks: CheckResults.default({}),
  /** When each credential was stored and expires (never the secret); the expiry radar reads it. */
  credential_meta: CredentialMeta.optional(),
  /** What each stored secret was entered for (origin, CA): it is sent nowhere else. */
  credential_binding: CredentialBindings.optional(),
  /** The Review step's last Save (targets/record-revision.ts): bundle.export signs only while the revision is unchanged. */
  reviewed: ReviewSaveStored.optional(),
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
