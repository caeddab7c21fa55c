import { createHash } from 'node:crypto';
import type { ReviewSave } from '../../../shared/domain/review-save';
import type { StoredTarget } from '../settings/settings-data';

// What the Review step's Save vouches for: the stored target's values, its check results and its
// credential facts, hashed. Any later change by anyone (targets.save with other values, a check
// run, a credential stored or deleted, a rename) gives another revision, so that Save no longer
// stands and bundle.export refuses (BUNDLE_NOT_SAVED) until the Review step saves again. Only
// `updated_at` is left out: the Save itself moves it.

/** JSON with object keys sorted, so the same values always hash the same. */
const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

export const recordRevision = (stored: StoredTarget): string => {
  const { updated_at: _moved, ...target } = stored.target;
  const vouched = { target, checks: stored.checks, credential_meta: stored.credential_meta, credential_binding: stored.credential_binding };
  return createHash('sha256').update(stableJson(vouched), 'utf8').digest('hex');
};

/** The stored target as the Review step's Save leaves it. */
export const markReviewed = (stored: StoredTarget, at: string): StoredTarget => ({ ...stored, reviewed: { at, revision: recordRevision(stored) } });

/** The record's view of that Save; undefined when the Review step never saved this target. */
export const reviewSaveOf = (stored: StoredTarget): ReviewSave | undefined =>
  stored.reviewed === undefined ? undefined : { saved_at: stored.reviewed.at, current: stored.reviewed.revision === recordRevision(stored) };
