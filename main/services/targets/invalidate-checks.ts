import { isDeepStrictEqual } from 'node:util';
import type { CheckResults } from '../../../shared/domain/checks';
import type { TargetConfig } from '../../../shared/domain/target';

type CheckName = keyof CheckResults;

/**
 * Which stored checks a changed field makes stale. A check result describes the target as it was
 * checked; once a field it depended on changes, keeping it would let an old "passed" vouch for a
 * new value. `base_url` also drops the credential checks: a token tested against one host proves
 * nothing about another. The user name / account e-mail are part of the credential.
 */
export const INVALIDATED_BY: ReadonlyArray<{ readonly fields: readonly string[]; readonly drops: readonly CheckName[] }> = [
  { fields: ['base_url', 'allowlist_status', 'private_address_acknowledged', 'ca_file'], drops: ['url_safety', 'network'] },
  {
    fields: ['base_url', 'workspace', 'repository_slug', 'auth_method', 'account_email', 'username'],
    drops: ['auth', 'workspace', 'repository', 'issue_tracking', 'scopes'],
  },
  { fields: ['jira'], drops: ['jira'] },
];

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
