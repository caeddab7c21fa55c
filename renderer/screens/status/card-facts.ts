import type { CheckResults } from '../../../shared/domain/checks';

// What a target card says about a target beyond its name: when it was last checked.

/** The newest `checked_at` among the stored checks, or null when nothing was checked yet. */
export const lastCheckedAt = (checks: CheckResults): string | null => {
  const times = Object.values(checks).flatMap((c) => (c !== undefined && typeof c.checked_at === 'string' ? [c.checked_at] : []));
  return times.reduce<string | null>((newest, t) => (newest === null || Date.parse(t) > Date.parse(newest) ? t : newest), null);
};

/** "29 Nov 2026, 08:00" in the admin's locale and time zone. */
export const checkedTimeText = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
