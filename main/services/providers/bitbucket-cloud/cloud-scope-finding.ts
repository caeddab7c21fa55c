import type { CheckFinding } from '../../../../shared/contract/checks';
import type { ScopeCheck } from '../../../../shared/domain/checks';
import type { CloudAuthMethod } from '../../../../shared/domain/vocabulary';
import { fail, pass, warn } from '../common/findings';

/** The scope check as a finding: missing scopes fail, broader ones warn, unknown ones say so. */
export const scopeFinding = (scopes: ScopeCheck, method: CloudAuthMethod, namedByRefusal: boolean): CheckFinding => {
  const evidence = { required: scopes.required, granted: scopes.granted, missing: scopes.missing, broader: scopes.broader };
  if (scopes.status === 'missing' || (namedByRefusal && scopes.status !== 'sufficient')) {
    const hint = method === 'access_token' && scopes.missing.some((m) => m.startsWith('issue')) ? ' Access tokens cannot hold issue scopes: use an API token or OAuth.' : '';
    return fail('scopes', 'Scopes', 'PROVIDER_SCOPE_UNAVAILABLE', `Missing scopes: ${scopes.missing.join(', ') || 'named by the provider'}.${hint}`, evidence);
  }
  if (scopes.broader.length > 0) return warn('scopes', 'Scopes', `Least privilege: the credential grants more than needed (${scopes.broader.join(', ')}).`, evidence);
  if (scopes.status === 'unknown') return warn('scopes', 'Scopes', 'The provider did not report the granted scopes.', evidence);
  return pass('scopes', 'Scopes', 'The credential grants exactly the scopes the native issue path needs.', evidence);
};
