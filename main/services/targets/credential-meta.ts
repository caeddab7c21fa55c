import { fail, ok, type Result } from '../../../shared/contract/define';
import type { StorableCredentialKind } from '../../../shared/contract/credentials';
import { API_TOKEN_MAX_DAYS, type CredentialExpiry, type CredentialMeta } from '../../../shared/domain/credential-meta';
import { isCloud, isDataCenter, type TargetConfig } from '../../../shared/domain/target';
import { bindingOf, type BindingGroup } from '../../../shared/domain/credential-binding';
import type { SettingsStore } from '../settings/settings-store';

// The non-secret facts of a stored credential (stored when, expires when), kept in the settings
// file next to the target. Atlassian API tokens live at most 365 days and no API reports the
// date: without a date from the admin it is assumed to be the stored day + 365.

const DAY_MS = 24 * 60 * 60 * 1000;
const dayAfter = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);

/** Whether the credential of this kind is an Atlassian API token (365 days at most). */
const isApiToken = (target: TargetConfig, kind: 'bitbucket' | 'jira'): boolean => {
  if (kind === 'jira') return target.jira?.auth_method === 'api_token' || target.jira?.auth_method === 'scoped_api_token';
  return isCloud(target) && target.auth_method === 'api_token';
};

/** Data Center passwords do not expire on a date this app can know; nothing to track. */
const hasExpiry = (target: TargetConfig, kind: 'bitbucket' | 'jira'): boolean => !(kind === 'bitbucket' && isDataCenter(target) && target.auth_method === 'basic');

/**
 * The expiry to record when a secret of `kind` is stored at `storedAt`; undefined when the kind
 * has no expiry to track. REQUEST_INVALID for a date in the past or, for an API token, beyond
 * the 365 days Atlassian allows.
 */
export const expiryAtStore = (
  target: TargetConfig,
  kind: StorableCredentialKind,
  storedAt: string,
  given: string | undefined,
): Result<CredentialExpiry | undefined> => {
  if (kind === 'oauth_consumer') return ok(undefined);
  if (given !== undefined) {
    if (given < storedAt.slice(0, 10)) return fail('REQUEST_INVALID', `The expiry date ${given} is in the past: store a token that is still valid.`, { field: 'expires_on' });
    if (isApiToken(target, kind) && given > dayAfter(storedAt, API_TOKEN_MAX_DAYS)) {
      return fail('REQUEST_INVALID', `Atlassian API tokens expire within ${API_TOKEN_MAX_DAYS} days; ${given} is later than that.`, { field: 'expires_on' });
    }
    return ok({ stored_at: storedAt, expires_on: given, basis: 'given' });
  }
  if (!hasExpiry(target, kind)) return ok(undefined);
  if (isApiToken(target, kind)) return ok({ stored_at: storedAt, expires_on: dayAfter(storedAt, API_TOKEN_MAX_DAYS), basis: 'assumed' });
  return ok({ stored_at: storedAt, expires_on: null, basis: 'unknown' });
};

/**
 * The OAuth refresh token's facts: when it was issued, which is when the previous one was last
 * used (Bitbucket rotates them at every use). It lapses 3 months unused; the radar counts from here.
 */
export const refreshTokenIssued = (at: string): CredentialExpiry => ({ stored_at: at, expires_on: null, basis: 'assumed' });

/** The expiry Bitbucket Data Center's access-tokens API reported (null: the token does not expire); the stored date is kept. */
export const readTokenExpiry = (previous: CredentialExpiry | undefined, expiresOn: string | null, now: string): CredentialExpiry => ({
  stored_at: previous?.stored_at ?? now,
  expires_on: expiresOn,
  basis: 'read',
});

/**
 * Replaces the credential facts of one target, re-reading the file so other writes are kept; with
 * `bind`, also records what the stored secret was entered for (its binding group, as the target is now).
 */
export const updateCredentialMeta = async (
  settings: SettingsStore,
  targetId: string,
  update: (previous: CredentialMeta) => CredentialMeta,
  bind?: BindingGroup,
): Promise<Result<CredentialMeta>> => {
  const data = await settings.read();
  if (!data.ok) return data;
  const current = data.value.targets.find((t) => t.target.id === targetId);
  if (current === undefined) return fail('TARGET_NOT_FOUND', 'The target was deleted while its credential was being stored.');
  const meta = update(current.credential_meta ?? {});
  const binding = bind === undefined ? current.credential_binding : { ...current.credential_binding, [bind]: bindingOf(current.target, bind) };
  const next = { ...current, credential_meta: meta, ...(binding === undefined ? {} : { credential_binding: binding }) };
  await settings.write({ ...data.value, targets: data.value.targets.map((t) => (t === current ? next : t)) });
  return ok(meta);
};

/** The facts without the kinds listed (after a delete). */
export const withoutKinds = (meta: CredentialMeta, kinds: readonly string[]): CredentialMeta =>
  Object.fromEntries(Object.entries(meta).filter(([k]) => !kinds.includes(k))) as CredentialMeta;
