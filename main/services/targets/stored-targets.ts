import { fail, ok, type Result } from '../../../shared/contract/define';
import type { CheckResults } from '../../../shared/domain/checks';
import type { SettingsStore } from '../settings/settings-store';
import type { StoredTarget } from '../settings/settings-data';
import { findStored } from './target-records';

export const loadTarget = async (settings: SettingsStore, id: string): Promise<Result<StoredTarget>> => {
  const data = await settings.read();
  if (!data.ok) return data;
  const found = findStored(data.value.targets, id);
  return found === undefined ? fail('TARGET_NOT_FOUND', `No saved target has the id "${id.slice(0, 120)}".`) : ok(found);
};

/**
 * Replaces the checks of one target, re-reading the file first so a save made meanwhile is kept,
 * and answers the target as it is now stored. Nothing is written when the target changed
 * (updated_at moved) or was deleted during the run: results about an older configuration must
 * not vouch for the new one.
 */
export const storeChecks = async (
  settings: SettingsStore,
  target: StoredTarget['target'],
  update: (previous: CheckResults) => CheckResults,
): Promise<Result<StoredTarget>> => {
  const data = await settings.read();
  if (!data.ok) return data;
  const current = data.value.targets.find((t) => t.target.id === target.id);
  if (current === undefined) return fail('TARGET_NOT_FOUND', 'The target was deleted while it was being checked.');
  if (current.target.updated_at !== target.updated_at) return ok(current);
  const next: StoredTarget = { ...current, checks: update(current.checks) };
  await settings.write({ ...data.value, targets: data.value.targets.map((t) => (t === current ? next : t)) });
  return ok(next);
};

/**
 * Rewrites the checks of the target as it is stored now, whatever changed meanwhile: forgetting a
 * verdict a new secret made stale is always safe, unlike keeping one. Answers the stored target.
 */
export const forgetChecks = async (settings: SettingsStore, id: string, update: (previous: CheckResults) => CheckResults): Promise<Result<StoredTarget>> => {
  const data = await settings.read();
  if (!data.ok) return data;
  const current = data.value.targets.find((t) => t.target.id === id);
  if (current === undefined) return fail('TARGET_NOT_FOUND', 'The target was deleted meanwhile.');
  const next: StoredTarget = { ...current, checks: update(current.checks) };
  await settings.write({ ...data.value, targets: data.value.targets.map((t) => (t === current ? next : t)) });
  return ok(next);
};
