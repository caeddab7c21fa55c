import type { ScopeCheck } from '../../../../shared/domain/checks';
import { REQUIRED_CLOUD_SCOPES, type CloudAuthMethod } from '../../../../shared/domain/vocabulary';

// Required vs granted scopes for the native issue path, and the least-privilege warnings.

export type ScopeFamily = keyof typeof REQUIRED_CLOUD_SCOPES;

/** API tokens use Atlassian's granular names; OAuth consumers and access tokens the classic ones. */
export const scopeFamilyOf = (method: CloudAuthMethod): ScopeFamily => (method === 'api_token' ? 'api_token' : 'oauth');

/** Scopes that are needed, or implied by a needed one, and therefore not "broader than needed". */
const ACCEPTABLE: Record<ScopeFamily, readonly string[]> = {
  api_token: REQUIRED_CLOUD_SCOPES.api_token,
  oauth: [...REQUIRED_CLOUD_SCOPES.oauth, 'issue'],
};

/** `x-oauth-scopes: account, repository issue:write` → the list, in order, without duplicates. */
export const parseScopeHeader = (value: string | undefined): string[] =>
  value === undefined ? [] : [...new Set(value.split(/[\s,]+/).filter((s) => s.length > 0))];

/** OAuth scopes form a ladder (`repository` < `repository:write` < `repository:admin`); granular ones do not. */
const satisfies = (family: ScopeFamily, required: string, granted: readonly string[]): boolean => {
  if (granted.includes(required)) return true;
  if (family !== 'oauth') return false;
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
  readonly granted: readonly string[];
  /** A 403 body's `required` list, when the provider named it. */
  readonly providerRequired?: readonly string[];
  readonly credentialType?: string;
  readonly at: Date;
}): ScopeCheck => {
  const required = [...new Set([...REQUIRED_CLOUD_SCOPES[input.family], ...(input.providerRequired ?? [])])];
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
