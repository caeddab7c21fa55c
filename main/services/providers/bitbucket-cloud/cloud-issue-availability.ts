import type { CheckFinding } from '../../../../shared/contract/checks';
import type { IssueTrackingCheck } from '../../../../shared/domain/checks';
import { ISSUES_RETIRED_ON } from '../../../../shared/domain/vocabulary';
import { failFrom, pass, fail } from '../common/findings';
import { truncationNote } from '../common/pager';
import type { ProviderFailure } from '../common/provider-result';
import { saysGone } from '../common/status-failure';
import type { CloudClient } from './cloud-client';
import type { CloudRepository } from './cloud-schemas';

export const ISSUES_RETIRED_REASON = `Bitbucket Cloud issues were retired on ${ISSUES_RETIRED_ON}`;
const TITLE = 'Issue availability';

export interface IssueAvailability {
  /** Undefined when the answer could not decide it (a 403 or an outage): nothing is recorded. */
  readonly record?: IssueTrackingCheck;
  readonly finding: CheckFinding;
  /** A 403 on the issue endpoints, for the scope check. */
  readonly scopeFailure?: ProviderFailure;
  /** A 429 on the issue endpoints: the run stops and records it. */
  readonly rateLimit?: ProviderFailure;
  /** Response headers of the answering call (x-oauth-scopes). */
  readonly headers?: Readonly<Record<string, string>>;
}

const unavailable = (at: Date, failure: ProviderFailure | undefined, hasIssues: boolean | undefined): IssueAvailability => {
  // After the 2026-08-20 sunset the removed endpoints answer a generic 404 as well as 410: both mean retired.
  const retired = failure !== undefined && (failure.status === 404 || failure.status === 410 || failure.gone === true || saysGone(failure.providerMessage));
  const reason = retired
    ? ISSUES_RETIRED_REASON
    : hasIssues === false
      ? 'The repository reports has_issues false: it has no issue tracker.'
      : 'The repository reports no issue tracker.';
  return {
    record: { available: false, reason, retired, components: [], checked_at: at.toISOString() },
    finding: fail('issue_tracking', TITLE, 'ISSUE_TRACKING_DISABLED', `${reason}. Route the work to Jira export or portable export.`, {
      has_issues: hasIssues ?? null,
      ...(failure?.status === undefined ? {} : { http_status: failure.status }),
      ...(failure?.providerMessage === undefined ? {} : { provider_message: failure.providerMessage }),
      route_to: ['jira', 'portable'],
    }),
  };
};

/**
 * Native issues only when the repository reports a working tracker and its components endpoint
 * answers. `has_issues` false or absent, or a 404/410 from the issue endpoints, is
 * ISSUE_TRACKING_DISABLED — "retired" when the provider's answer says the feature is gone.
 */
export const checkIssueAvailability = async (
  client: CloudClient,
  workspace: string,
  slug: string,
  repo: CloudRepository,
  at: Date,
): Promise<IssueAvailability> => {
  if (repo.has_issues !== true) {
    const probe = await client.issuesProbe(workspace, slug);
    if (probe.ok) return unavailable(at, undefined, repo.has_issues);
    const f = probe.failure;
    if (f.status === 404 || f.status === 410) return unavailable(at, f, repo.has_issues);
    if (f.status === 403) return unavailable(at, undefined, repo.has_issues);
    return { finding: failFrom('issue_tracking', TITLE, f), ...(f.code === 'PROVIDER_RATE_LIMITED' ? { rateLimit: f } : {}) };
  }
  const components = await client.components(workspace, slug);
  if (components.ok) {
    const names = components.value.items.map((c) => c.name);
    const note = truncationNote(components.value, 'components');
    return {
      record: {
        available: true,
        reason: 'The repository reports an issue tracker and its components endpoint answers.',
        retired: false,
        components: names,
        ...(components.value.truncated ? { components_truncated: true } : {}),
        checked_at: at.toISOString(),
      },
      finding: pass('issue_tracking', TITLE, `Native Bitbucket Cloud issues are available for this repository.${note}`, {
        components: names,
        ...(components.value.truncated ? { truncated_at: names.length } : {}),
      }),
      headers: components.response.headers,
    };
  }
  const f = components.failure;
  if (f.status === 404 || f.status === 410) return unavailable(at, f, true);
  if (f.status === 403) return { finding: failFrom('issue_tracking', TITLE, f), scopeFailure: f };
  return { finding: failFrom('issue_tracking', TITLE, f), ...(f.code === 'PROVIDER_RATE_LIMITED' ? { rateLimit: f } : {}) };
};
