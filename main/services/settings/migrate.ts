import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/contract/define';
import { fromV1 } from './migrate-ca-file';
import { SETTINGS_SCHEMA_VERSION, SettingsData } from './settings-data';

// Settings files outlive app versions. Every read goes raw JSON → migrations (one step per
// schema version, in order) → the zod schema of the current version. The one settings store
// (conf-settings-store.ts) calls this for every mode, so the desktop and the CLI read files alike.

type RawObject = Record<string, unknown>;

/**
 * Version 0: the preview builds' file, before `schema_version` existed. Targets were kept in an
 * object keyed by id, and the one preference sat at the top level. Strict: an unknown object
 * without a version is refused, never mistaken for an empty version-0 file.
 */
const SettingsV0 = z.strictObject({
  targets: z.record(z.string(), z.unknown()).default({}),
  safe_mode: z.boolean().optional(),
});

const fromV0 = (raw: RawObject): Result<RawObject> => {
  const v0 = SettingsV0.safeParse(raw);
  if (!v0.success) return fail('SETTINGS_UNREADABLE', 'The settings file (version 0) does not have the expected shape.', { issues: pathsOf(v0.error) });
  return ok({
    schema_version: 1,
    targets: Object.values(v0.data.targets),
    preferences: { safe_mode: v0.data.safe_mode ?? false },
  });
};

/** `MIGRATIONS[n]` turns a version-n object into a version-(n+1) object. */
const MIGRATIONS: ReadonlyArray<(raw: RawObject) => Result<RawObject>> = [fromV0, fromV1];

/** Field paths only: a settings value never goes into a message. */
const pathsOf = (error: z.ZodError): string[] => error.issues.map((i) => i.path.map(String).join('.') || '(root)');

const isPlainObject = (v: unknown): v is RawObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const versionOf = (raw: RawObject): number | null => {
  const v = raw['schema_version'];
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
};

/** Raw parsed JSON of a settings file → current settings, or SETTINGS_UNREADABLE. Never throws. */
export const migrateSettings = (raw: unknown): Result<SettingsData> => {
  if (!isPlainObject(raw)) return fail('SETTINGS_UNREADABLE', 'The settings file does not hold a JSON object.');
  const from = versionOf(raw);
  if (from === null) return fail('SETTINGS_UNREADABLE', 'The settings file has an invalid schema_version.');
  if (from > SETTINGS_SCHEMA_VERSION) {
    return fail('SETTINGS_UNREADABLE', `The settings file was written by a newer version of the app (schema ${from}; this app reads up to ${SETTINGS_SCHEMA_VERSION}).`, {
      schema_version: from,
    });
  }
  let current: RawObject = raw;
  for (let v = from; v < SETTINGS_SCHEMA_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (step === undefined) return fail('INTERNAL_ERROR', `No settings migration from schema ${v}.`);
    const next = step(current);
    if (!next.ok) return next;
    current = next.value;
  }
  const parsed = SettingsData.safeParse(current);
  if (!parsed.success) {
    return fail('SETTINGS_UNREADABLE', 'The settings file does not match the expected shape.', { issues: pathsOf(parsed.error), schema_version: from });
  }
  return ok(parsed.data);
};
