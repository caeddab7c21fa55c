import type { ErrorCode } from '../errors/codes';
import type { BulkReadiness } from './bulk-bundle';
import type { CheckResults as Checks } from './checks';
import { isCloud, isDataCenter } from './target-kind';
import type { TargetConfig as Target } from './target';

// Whether a saved target's instance steps are done, as bulk onboarding needs them. Pure, over the
// types only (no schema is built), so the status screen can ask it on its first paint.

/**
 * The instance as bulk onboarding needs it: Data Center confirmations, allowlist status, URL safety,
 * the API root reached and the credential accepted; Cloud: the credential and a customer-owned
 * workspace. The repositories are judged one by one, not here.
 */
export const evaluateInstanceReadiness = (target: Target, checks: Checks): BulkReadiness => {
  const blocking: ErrorCode[] = [];
  const pending: string[] = [];
  if (isDataCenter(target)) {
    const c = target.confirmations;
    if (c.ownership === undefined || c.api_root_reachable === undefined || c.scan_authorized === undefined) pending.push('Record the three Data Center confirmations.');
    if (target.allowlist_status === undefined) blocking.push('ALLOWLIST_STATUS_MISSING');
    if (checks.url_safety?.status === 'blocked' || checks.network?.status === 'failed') blocking.push('PROVIDER_BASE_URL_BLOCKED');
    else if (checks.network?.status !== 'reached') pending.push('Probe the Data Center API root.');
  }
  if (isCloud(target)) {
    if (target.workspace === undefined) pending.push('Enter the workspace.');
    if (checks.workspace !== undefined && !checks.workspace.customer_owned) blocking.push('PROVIDER_WORKSPACE_NOT_OWNED');
    else if (checks.workspace === undefined && checks.auth?.status === 'ok') pending.push('Confirm the workspace is customer-owned.');
  }
  if (checks.auth?.status !== undefined && checks.auth.status !== 'ok') blocking.push('PROVIDER_AUTH_REQUIRED');
  else if (checks.auth === undefined) pending.push(checks.rate_limit === undefined ? 'Store and test a credential.' : 'The provider rate limited the credential check: run the check again.');
  return { verdict: blocking.length > 0 ? 'blocked' : pending.length > 0 ? 'incomplete' : 'ready', blocking, pending };
};
