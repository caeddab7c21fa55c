import { z } from 'zod';

// What the app knows about a stored credential besides the secret: when it was stored and when it
// expires. Kept in the settings file next to the target, never in the keychain value and never
// holding the secret. Atlassian API tokens expire after at most 365 days and no API reports the
// date, so the admin is asked at store time; without an answer the date is assumed (+365 days).

export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * given: the admin typed it; assumed: the longest lifetime Atlassian allows; read: Bitbucket Data
 * Center's access-tokens REST API reported it (expires_on null: the token does not expire);
 * unknown: no rule and no answer.
 */
export const ExpiryBasis = z.enum(['given', 'assumed', 'read', 'unknown']);
export type ExpiryBasis = z.infer<typeof ExpiryBasis>;

export const CredentialExpiry = z.strictObject({
  stored_at: z.iso.datetime({ offset: true }),
  expires_on: CalendarDate.nullable(),
  basis: ExpiryBasis,
});
export type CredentialExpiry = z.infer<typeof CredentialExpiry>;

/** Per credential kind of a target. `bitbucket_refresh`: when OAuth last issued a refresh token. */
export const CredentialMeta = z.object({
  bitbucket: CredentialExpiry.optional(),
  jira: CredentialExpiry.optional(),
  bitbucket_refresh: CredentialExpiry.optional(),
});
export type CredentialMeta = z.infer<typeof CredentialMeta>;

/** Atlassian API tokens (Bitbucket Cloud, Jira Cloud) live at most this long. */
export const API_TOKEN_MAX_DAYS = 365;
/** Bitbucket Cloud OAuth refresh tokens expire after three months unused (since 2026-05-04). */
export const OAUTH_REFRESH_UNUSED_MONTHS = 3;
export const OAUTH_REFRESH_RULE_SINCE = '2026-05-04';
