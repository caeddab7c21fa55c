import type { ErrorCode } from '../errors/codes';
import type { CheckResults, RateLimitCheck } from './checks';
import type { Readiness, ReadyState, ReadyStateId } from './readiness-schema';
import { isCloud, isDataCenter } from './target-kind';
import type { TargetConfig } from './target';

// The seed page's "Ready" and "Blocked" lists as one pure function: target + check results in,
// the five ready states and the blocking codes out. Save and export ask this, nothing else.
// The schemas of its answer are in readiness-schema.ts, so this file builds none.

export type { Readiness, ReadyState, ReadyStateId } from './readiness-schema';

export const READY_STATE_LABELS: Record<ReadyStateId, string> = {
  cloud_issue_target: 'Bitbucket Cloud issue target ready',
  data_center_boundary: 'Bitbucket Data Center boundary ready',
  issue_workflow: 'Issue workflow ready',
  network: 'Network ready',
  fallback: 'Fallback ready',
};

const state = (id: ReadyStateId, applicable: boolean, ready: boolean, reason: string): ReadyState => ({
  id,
  label: READY_STATE_LABELS[id],
  applicable,
  ready: applicable && ready,
  reason,
});

const handoffConfigured = (t: TargetConfig, c: CheckResults): boolean => {
  if (t.issue_workflow === 'portable') return t.portable !== undefined;
  if (t.issue_workflow === 'jira') {
    const j = t.jira;
    return j !== undefined && j.project_key !== undefined && j.issue_type !== undefined && c.jira?.status === 'ok';
  }
  return false;
};

const nativeAvailable = (t: TargetConfig, c: CheckResults): boolean => isCloud(t) && c.issue_tracking?.available === true;

/** An access token's workspace counts as owned only with the admin's recorded confirmation. */
const tokenOwnerUnconfirmed = (t: TargetConfig, c: CheckResults): boolean =>
  isCloud(t) && c.workspace?.basis === 'access_token' && t.token_owner_confirmation === undefined;

const readyStates = (t: TargetConfig, c: CheckResults): ReadyState[] => {
  const cloud = isCloud(t);
  const owned = c.workspace?.customer_owned === true && !tokenOwnerUnconfirmed(t, c);
  const tracker = c.issue_tracking?.available === true;
  const fallbackChosen = t.issue_workflow === 'jira' || t.issue_workflow === 'portable';
  const fallbackNeeded = !cloud || c.issue_tracking?.available === false || fallbackChosen;
  const handoff = handoffConfigured(t, c);
  const workflowOk = (t.issue_workflow === 'native' && nativeAvailable(t, c)) || t.issue_workflow === 'jira' || t.issue_workflow === 'portable';
  const urlPassed = c.url_safety?.status === 'passed';
  const allowlist = !cloud && t.allowlist_status !== undefined;
  const reached = c.network?.status === 'reached';
  return [
    state(
      'cloud_issue_target',
      cloud && !fallbackChosen,
      owned && tracker,
      !cloud
        ? 'Applies to Bitbucket Cloud targets only.'
        : fallbackChosen
          ? 'Work is routed to a fallback; native issues are not used.'
        : !owned
          ? 'The workspace is not yet confirmed as customer-owned.'
          : !tracker
            ? c.issue_tracking?.reason ?? 'Repository issue tracking has not been checked yet.'
            : 'Customer-owned workspace with repository issue tracking enabled.',
    ),
    state(
      'data_center_boundary',
      !cloud,
      !cloud && t.deployment_mode === 'self-hosted' && urlPassed,
      cloud ? 'Applies to Bitbucket Data Center targets only.' : urlPassed ? 'base_url passed the URL-safety checks.' : 'base_url has not passed the URL-safety checks.',
    ),
    state(
      'issue_workflow',
      true,
      workflowOk,
      workflowOk
        ? t.issue_workflow === 'native'
          ? 'Bitbucket Cloud can receive native issues.'
          : `Routed to ${t.issue_workflow === 'jira' ? 'Jira export' : 'portable export'}.`
        : t.issue_workflow === 'native'
          ? 'Native issues were chosen but the repository has no working tracker.'
          : 'No issue workflow chosen yet.',
    ),
    state(
      'network',
      !cloud,
      allowlist && reached,
      cloud
        ? 'Bitbucket Cloud is reached over the public internet.'
        : !allowlist
          ? 'allowlist_status is missing.'
          : reached
            ? `API root reached on the ${t.allowlist_status ?? ''} path.`
            : 'The probe has not reached the API root on this path yet.',
    ),
    state(
      'fallback',
      fallbackNeeded,
      handoff,
      !fallbackNeeded
        ? 'Native issues are available; no fallback needed.'
        : handoff
          ? `Automated ${t.issue_workflow === 'jira' ? 'Jira' : 'portable'} handoff configured.`
          : 'No Jira or portable handoff configured yet.',
    ),
  ];
};

/** A native-route component that is not in the repository's live component list. */
const componentRejected = (t: TargetConfig, c: CheckResults): boolean =>
  isCloud(t) &&
  t.issue_workflow === 'native' &&
  t.component !== undefined &&
  c.issue_tracking?.available === true &&
  c.issue_tracking.components_truncated !== true &&
  !c.issue_tracking.components.includes(t.component);

/** The 429s of the last run, Bitbucket first then Jira. */
const rateLimits = (c: CheckResults): RateLimitCheck[] => [c.rate_limit, c.jira?.rate_limit].filter((r): r is RateLimitCheck => r !== undefined);

const PROVIDER_NAMES: Record<RateLimitCheck['provider'], string> = {
  bitbucket_cloud: 'Bitbucket Cloud',
  bitbucket_data_center: 'Bitbucket Data Center',
  jira: 'Jira',
};

/** "Bitbucket Cloud is rate limiting the checks: retry after 08:05 UTC." */
export const rateLimitSentence = (r: RateLimitCheck): string =>
  `${PROVIDER_NAMES[r.provider]} is rate limiting the checks (PROVIDER_RATE_LIMITED): ${
    r.retry_at === undefined ? 'wait a few minutes, then run the checks again' : `retry after ${r.retry_at.slice(11, 16)} UTC`
  }.`;

const blockingCodes = (t: TargetConfig, c: CheckResults): ErrorCode[] => {
  const cloud = isCloud(t);
  const codes: ErrorCode[] = [];
  const fallbackChosen = t.issue_workflow === 'jira' || t.issue_workflow === 'portable';
  // A 429 before the credential was answered says nothing about the credential: pending, not AUTH_REQUIRED.
  const authUnanswered = c.auth === undefined && c.rate_limit !== undefined;
  // A refused OAuth refresh token is its own state: the consumer is fine, the admin signs in again.
  if (c.auth?.status !== 'ok' && !authUnanswered) codes.push(c.auth?.code === 'OAUTH_SIGN_IN_REQUIRED' ? 'OAUTH_SIGN_IN_REQUIRED' : 'PROVIDER_AUTH_REQUIRED');
  if (!cloud && (c.url_safety?.status === 'blocked' || c.network?.status === 'failed')) codes.push('PROVIDER_BASE_URL_BLOCKED');
  // A credential that cannot read issue settings blocks native issues; on Cloud a fallback route
  // clears it (the seed: "fix the URL or scope, or use Jira or portable fallback").
  if ((c.repository?.status === 'forbidden' || c.scopes?.status === 'missing') && !(cloud && fallbackChosen)) {
    codes.push('PROVIDER_SCOPE_UNAVAILABLE');
  }
  if (!cloud && t.allowlist_status === undefined) codes.push('ALLOWLIST_STATUS_MISSING');
  // A CA file an earlier version named could not be read again: no check may run until it is chosen again or removed.
  if (isDataCenter(t) && t.ca_needs_choice !== undefined) codes.push('CA_FILE_INVALID');
  if (cloud && c.issue_tracking?.available === false && !fallbackChosen) codes.push('ISSUE_TRACKING_DISABLED');
  if (cloud && c.workspace !== undefined && !c.workspace.customer_owned) codes.push('PROVIDER_WORKSPACE_NOT_OWNED');
  if (c.repository?.status === 'missing') codes.push('PROVIDER_RESOURCE_NOT_FOUND');
  if (componentRejected(t, c)) codes.push('PROVIDER_VALUE_INVALID');
  if (t.issue_workflow === 'jira' && c.jira?.status === 'blocked' && c.jira.code !== 'PROVIDER_RATE_LIMITED') codes.push('JIRA_HANDOFF_UNAVAILABLE');
  return codes;
};

const fallbackChosen = (t: TargetConfig): boolean => t.issue_workflow === 'jira' || t.issue_workflow === 'portable';

const pendingSteps = (t: TargetConfig, c: CheckResults): string[] => {
  const pending: string[] = [];
  if (isCloud(t)) {
    if (t.workspace === undefined || t.repository_slug === undefined) pending.push('Enter the workspace and repository.');
    if (c.workspace === undefined) pending.push('Confirm the workspace is customer-owned (test the connection).');
    else if (c.workspace.customer_owned && tokenOwnerUnconfirmed(t, c)) pending.push('Confirm that an admin of the workspace created this access token.');
    // The check is part of the documented path; only a credential that cannot read issue settings
    // (PROVIDER_SCOPE_UNAVAILABLE) may skip it, and only by routing to a fallback.
    const checkImpossible = c.repository?.status === 'forbidden' || c.scopes?.status === 'missing';
    if (c.issue_tracking === undefined && !(fallbackChosen(t) && checkImpossible)) pending.push('Run the issue availability check.');
  } else {
    const conf = t.confirmations;
    if (conf.ownership === undefined || conf.api_root_reachable === undefined || conf.scan_authorized === undefined) {
      pending.push('Record the three Data Center confirmations.');
    }
    if (t.base_url === undefined) pending.push('Enter the Data Center base URL.');
    else if (c.url_safety === undefined) pending.push('Run the URL-safety check.');
    if (c.network === undefined) pending.push('Probe the Data Center API root.');
  }
  for (const r of rateLimits(c)) pending.push(rateLimitSentence(r));
  if (c.auth === undefined && c.rate_limit === undefined) pending.push('Store and test a credential.');
  if (t.issue_workflow === undefined) pending.push('Choose native issues, Jira export or portable export.');
  else if (t.issue_workflow === 'jira' && c.jira === undefined) pending.push('Check the Jira handoff.');
  return pending;
};

export const evaluateReadiness = (target: TargetConfig, checks: CheckResults): Readiness => {
  const states = readyStates(target, checks);
  const blocking = blockingCodes(target, checks);
  const pending = pendingSteps(target, checks);
  const limited = rateLimits(checks);
  const byId = (id: ReadyStateId): ReadyState => states.find((s) => s.id === id) as ReadyState;
  const authOk = checks.auth?.status === 'ok';
  const networkOk = isCloud(target) || (byId('data_center_boundary').ready && byId('network').ready);
  const canSave = authOk && networkOk && !blocking.includes('PROVIDER_BASE_URL_BLOCKED') && !blocking.includes('ALLOWLIST_STATUS_MISSING');
  const allReady = states.every((s) => !s.applicable || s.ready);
  const canExport = blocking.length === 0 && pending.length === 0 && allReady;
  return {
    states,
    blocking,
    pending,
    ...(limited.length === 0 ? {} : { rate_limited: limited }),
    can_save: canSave,
    can_export: canExport,
    verdict: blocking.length > 0 ? 'blocked' : canExport ? 'ready' : 'incomplete',
  };
};
