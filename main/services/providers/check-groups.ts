import type { CheckResults } from '../../../shared/domain/checks';

export type CheckName = keyof CheckResults;

// The stored checks by what they judged. Which checks a provider run replaces
// (run-target-checks.ts) and which checks a changed field or secret makes stale
// (targets/invalidate-checks.ts) are both said in these terms, here, once.

/** What the URL-safety check and the API-root probe judged: the host and the path to it. */
export const URL_CHECKS: readonly CheckName[] = ['url_safety', 'network'];
/** What the Bitbucket credential was tested for: identity, access and what it can see (or the 429 that stopped the run). */
export const CREDENTIAL_CHECKS: readonly CheckName[] = ['auth', 'workspace', 'repository', 'issue_tracking', 'scopes', 'rate_limit'];
export const JIRA_CHECKS: readonly CheckName[] = ['jira'];

/**
 * The check records a provider run owns: a new run replaces all of them, so nothing stale
 * survives. A Data Center run owns the URL checks too: its instance check is the network check.
 */
export const RUN_OWNS: Readonly<Record<'cloud' | 'data_center', readonly CheckName[]>> = {
  cloud: CREDENTIAL_CHECKS,
  data_center: [...URL_CHECKS, ...CREDENTIAL_CHECKS],
};
