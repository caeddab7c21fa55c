import type { ScopeCheck } from '../../../../shared/domain/checks';
import { REQUIRED_CLOUD_SCOPES, type CloudAuthMethod } from '../../../../shared/domain/vocabulary';

// Required vs granted scopes, and the least-privilege warnings. What is required depends on the
// auth method and on the route: the native issue path needs the issue scopes; any other call needs
// only what the provider said that call needs (x-accepted-oauth-scopes, or a 403 body's list).

export type ScopeFamily = 'api_token' | 'oauth' | 'access_token';

/** API tokens use Atlassian's granular names; OAuth consumers and access tokens the classic ones. */
export const scopeFamilyOf = (method: CloudAuthMethod): ScopeFamily =>
  method === 'api_token' ? 'api_token' : method === 'access_token' ? 'access_token' : 'oauth';

/**
 * The native issue path, per family. Access tokens are bound to their resource and have no
 * `account` scope (https://developer.atlassian.com/cloud/bitbucket/rest/intro/#access-tokens: "a
 * limited set of Bitbucket's permission scopes"), so `account` is not asked of them; they cannot
 * hold `issue:write` either, which is what makes the native path impossible for them.
 */
const NATIVE: Record<ScopeFamily, readonly string[]> = {
  api_token: REQUIRED_CLOUD_SCOPES.api_token,
  oauth: REQUIRED_CLOUD_SCOPES.oauth,
  access_token: ['repository', 'issue:write'],
};

/** Scopes that are needed, or implied by a needed one, and therefore not "broader than needed". */
const ACCEPTABLE: Record<ScopeFamily, readonly string[]> = {
  api_token: REQUIRED_CLOUD_SCOPES.api_token,
  oauth: [...REQUIRED_CLOUD_SCOPES.oauth, 'issue'],
  access_token: ['repository'],
};

/** `x-oauth-scopes: account, repository issue:write` → the list, in order, without duplicates. */
export const parseScopeHeader = (value: string | undefined): string[] =>
  value === undefined ? [] : [...new Set(value.split(/[\s,]+/).filter((s) => s.length > 0))];

/** Classic scopes form a ladder (`repository` < `repository:write` < `repository:admin`); granular ones do not. */
const satisfies = (family: ScopeFamily, required: string, granted: readonly string[]): boolean => {
  if (granted.includes(required)) return true;
  if (family === 'api_token') return false;
  const [base, level] = required.split(':');
  const ladder = ['', 'write', 'admin'];
  const need = ladder.indexOf(level ?? '');
  return granted.some((g) => {
    const [gBase, gLevel] = g.split(':');
    return gBase === base && ladder.indexOf(gLevel ?? '') >= need && ladder.indexOf(gLevel ?? '') >= 0;
  });
};

export const evaluateScopes = (input: {
  readonly family: ScopeFamily;
  /** `native`: the native issue path is in play; `named`: only what the provider named for a refused call. */
  readonly route: 'native' | 'named';
  readonly granted: readonly string[];
  /** What the provider said a refused call needs: x-accepted-oauth-scopes, or a 403 body's `required`. */
  readonly providerRequired?: readonly string[];
  readonly credentialType?: string;
  readonly at: Date;
}): ScopeCheck => {
  const base = input.route === 'native' ? NATIVE[input.family] : [];
  const required = [...new Set([...base, ...(input.providerRequired ?? [])])];
  const granted = [...new Set(input.granted)];
  const known = granted.length > 0 || input.providerRequired !== undefined;
  const missing = known ? required.filter((r) => !satisfies(input.family, r, granted)) : [];
  const broader = granted.filter((g) => !ACCEPTABLE[input.family].includes(g) && !required.includes(g));
  return {
    status: !known ? 'unknown' : missing.length > 0 ? 'missing' : 'sufficient',
    required,
    granted,
    missing,
    broader,
    ...(input.credentialType === undefined ? {} : { credential_type: input.credentialType }),
    checked_at: input.at.toISOString(),
  };
};
