import { isDeepStrictEqual } from 'node:util';
import type { CheckResults } from '../../../shared/domain/checks';
import type { TargetConfig } from '../../../shared/domain/target';
import { CREDENTIAL_CHECKS, JIRA_CHECKS, URL_CHECKS, type CheckName } from '../providers/check-groups';
import type { TargetSecretKind } from '../secrets/credentials';

// Which stored checks go stale when something they judged changes: a field of the target, or a
// secret in the keychain. This file is the one place that says so (in the groups of check-groups.ts).

/**
 * Which stored checks a changed field makes stale. A check result describes the target as it was
 * checked; once a field it depended on changes, keeping it would let an old "passed" vouch for a
 * new value. `base_url` also drops the credential checks: a token tested against one host proves
 * nothing about another. The user name / account e-mail are part of the credential.
 */
export const INVALIDATED_BY: ReadonlyArray<{ readonly fields: readonly string[]; readonly drops: readonly CheckName[] }> = [
  { fields: ['base_url', 'allowlist_status', 'private_address_acknowledged', 'ca', 'ca_needs_choice', 'proxy_resolves_name'], drops: URL_CHECKS },
  { fields: ['base_url', 'workspace', 'repository_slug', 'auth_method', 'account_email', 'username'], drops: CREDENTIAL_CHECKS },
  { fields: ['jira'], drops: JIRA_CHECKS },
];

/**
 * Which stored checks a changed keychain entry makes stale: a new or deleted Bitbucket secret,
 * OAuth consumer, OAuth token pair or Jira token. A verdict about the old secret must not vouch
 * for the new one (or for none).
 */
export const STALE_AFTER_SECRET: Readonly<Record<TargetSecretKind, readonly CheckName[]>> = {
  bitbucket: CREDENTIAL_CHECKS,
  bitbucket_refresh: CREDENTIAL_CHECKS,
  oauth_consumer: CREDENTIAL_CHECKS,
  jira: JIRA_CHECKS,
};

/** `checks` without the ones the changed keychain entries made stale. */
export const dropStaleAfterSecret = (checks: CheckResults, changed: readonly TargetSecretKind[]): CheckResults => {
  const stale = new Set(changed.flatMap((kind) => STALE_AFTER_SECRET[kind]));
  return Object.fromEntries(Object.entries(checks).filter(([name]) => !stale.has(name as CheckName))) as CheckResults;
};

const fieldOf = (t: TargetConfig, field: string): unknown => (t as Readonly<Record<string, unknown>>)[field];

/** The checks still valid for `next`, given they were recorded for `previous`, and the names dropped. */
export const keepValidChecks = (
  previous: TargetConfig,
  next: TargetConfig,
  checks: CheckResults,
): { checks: CheckResults; dropped: CheckName[] } => {
  if (previous.provider_key !== next.provider_key) {
    return { checks: {}, dropped: (Object.keys(checks) as CheckName[]).filter((k) => checks[k] !== undefined) };
  }
  const drop = new Set<CheckName>();
  for (const rule of INVALIDATED_BY) {
    if (rule.fields.some((f) => !isDeepStrictEqual(fieldOf(previous, f), fieldOf(next, f)))) for (const c of rule.drops) drop.add(c);
  }
  const kept: Record<string, unknown> = {};
  const dropped: CheckName[] = [];
  for (const [name, value] of Object.entries(checks) as Array<[CheckName, unknown]>) {
    if (value === undefined) continue;
    if (drop.has(name)) dropped.push(name);
    else kept[name] = value;
  }
  return { checks: kept as CheckResults, dropped };
};
