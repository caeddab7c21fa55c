import { z } from 'zod';

// The expiry radar: every date that will stop a target working, each with what to do. Items
// inside the window (or past) are `due`; the rest are listed too, so a date years ahead (the Data
// Center end of life) is never a surprise.

// The default window lives with the judging (zod-free); re-exported here with the schemas.
import { RADAR_DEFAULT_WITHIN_DAYS } from './radar-judge';

export { RADAR_DEFAULT_WITHIN_DAYS };
export const RADAR_MAX_WITHIN_DAYS = 3650;

export const RadarItemKind = z.enum(['certificate', 'ca', 'credential', 'oauth_refresh', 'bundle', 'release_support', 'platform_end_of_life']);
export type RadarItemKind = z.infer<typeof RadarItemKind>;

/**
 * observed: read from a certificate or a bundle; given/assumed/read: see CredentialExpiry (read:
 * Bitbucket Data Center's access-tokens API reported it); published: Atlassian's dates.
 */
export const RadarBasis = z.enum(['observed', 'given', 'assumed', 'read', 'published', 'unknown']);
export type RadarBasis = z.infer<typeof RadarBasis>;

/** past: the date has gone by; due: within the window; ok: later; unknown: no date to judge. */
export const RadarStatus = z.enum(['past', 'due', 'ok', 'unknown']);
export type RadarStatus = z.infer<typeof RadarStatus>;

/**
 * One dated fact: what expires, when, and how the date is known. It does not depend on "now":
 * a bundle signs these (its `radar` section), and each reader judges them against its own clock.
 */
export const RadarEntry = z.strictObject({
  kind: RadarItemKind,
  /** What expires, e.g. "TLS certificate CN=bitbucket.corp.example (SHA-256 AB:…)". */
  subject: z.string().max(600),
  /** The day it stops working (YYYY-MM-DD), or null when unknown. */
  date: z.iso.date().nullable(),
  basis: RadarBasis,
});
export type RadarEntry = z.infer<typeof RadarEntry>;

/** The `radar` section of a signed bundle: the entries as the exporting app knew them at `generated_at` (= issued_at). */
export const BundleRadar = z.strictObject({
  generated_at: z.iso.datetime({ offset: true }),
  entries: z.array(RadarEntry).max(64),
});
export type BundleRadar = z.infer<typeof BundleRadar>;

export const RadarItem = z.object({
  kind: RadarItemKind,
  /** The target (name) or probed URL the item belongs to. */
  scope: z.string(),
  subject: RadarEntry.shape.subject,
  date: RadarEntry.shape.date,
  basis: RadarBasis,
  status: RadarStatus,
  /** Whole days from now to `date`; negative once past. */
  days_left: z.number().int().nullable(),
  /** What to do about it, one sentence. */
  action: z.string(),
});
export type RadarItem = z.infer<typeof RadarItem>;

export const RadarReport = z.object({
  generated_at: z.iso.datetime({ offset: true }),
  within_days: z.number().int().min(0).max(RADAR_MAX_WITHIN_DAYS),
  items: z.array(RadarItem),
  /** How many items are due or past: the CLI's exit 3 when above zero. */
  due: z.number().int().min(0),
});
export type RadarReport = z.infer<typeof RadarReport>;

// The dates and the judging are zod-free (radar-judge.ts), so the first screen's badges can use them.
export { dayOf, daysUntil, isDue, sortRadar, statusOf } from './radar-judge';
