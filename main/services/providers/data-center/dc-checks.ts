import type { CheckFinding } from '../../../../shared/contract/checks';
import type { CheckResults } from '../../../../shared/domain/checks';
import type { TargetNetworkChecks } from '../../network-check/to-checks';
import { fail, failFrom, pass, skip } from '../common/findings';
import { rateLimitRecord } from '../../net/rate-limit';
import type { DataCenterClient } from './dc-client';

export interface DataCenterCheckInput {
  readonly projectKey: string;
  readonly repositorySlug: string;
  readonly authMethod: 'http_access_token' | 'basic';
}

/**
 * Instance identity (the network check's application-properties), the authenticated user
 * (X-AUSERNAME), and the repository. No issue check: Data Center work goes to Jira or portable export.
 */
export const runDataCenterChecks = async (
  client: DataCenterClient,
  instance: TargetNetworkChecks,
  input: DataCenterCheckInput,
  now: () => Date,
): Promise<{ checks: CheckResults; findings: CheckFinding[]; tokenExpiresOn?: string | null }> => {
  const findings: CheckFinding[] = [];
  const checks: CheckResults = {};
  const at = () => now().toISOString();

  // The instance check is the network-check service's (the wizard's check makes the same one):
  // its records are stored as they are; a finding says what they mean.
  checks.url_safety = instance.url_safety;
  if (instance.network !== undefined) checks.network = instance.network;
  if (instance.rate_limit !== undefined) {
    // The API root answered 429 even after the retry rule: pending, not a failed network check.
    checks.rate_limit = instance.rate_limit;
    findings.push(
      fail('instance', 'Bitbucket Data Center instance', 'PROVIDER_RATE_LIMITED', instance.rate_limit.detail, {
        http_status: 429,
        ...(instance.rate_limit.retry_after_s === undefined ? {} : { retry_after_s: instance.rate_limit.retry_after_s }),
        ...(instance.rate_limit.retry_at === undefined ? {} : { retry_at: instance.rate_limit.retry_at }),
        rate_limit_headers: instance.rate_limit.headroom,
      }),
    );
    return { checks, findings };
  }
  const reached = instance.network?.status === 'reached' ? instance.network : undefined;
  const api_root = reached?.api_root;
  if (reached === undefined || api_root === undefined) {
    const blocked = instance.network ?? instance.url_safety;
    const reason = blocked.reason ?? 'unreachable';
    const detail = `The network check stopped before the API root answered (${reason})${blocked.detail === undefined ? '' : `: ${blocked.detail}`}.`;
    findings.push(fail('instance', 'Bitbucket Data Center instance', 'PROVIDER_BASE_URL_BLOCKED', detail, { reason }));
    return { checks, findings };
  }
  findings.push(pass('instance', 'Bitbucket Data Center instance', `${api_root.displayName} ${api_root.version} (build ${api_root.buildNumber}).`, api_root));

  const user = await client.authenticatedUser();
  if (!user.ok || user.value === undefined) {
    // An authenticated call answered with no X-AUSERNAME: the instance allows anonymous access and
    // did not accept the credential. A rejected credential, whatever the status said.
    const detail = user.ok
      ? 'The instance answered anonymously (no X-AUSERNAME): it allows anonymous access and did not accept the credential. Store a valid HTTP access token.'
      : user.failure.message;
    checks.auth = { status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: at() };
    findings.push(
      user.ok
        ? fail('auth', 'Credential', 'PROVIDER_AUTH_REQUIRED', detail, { method: input.authMethod, reason: 'anonymous_answer' })
        : failFrom('auth', 'Credential', user.failure, { method: input.authMethod }),
    );
    if (!user.ok && user.failure.code === 'PROVIDER_RATE_LIMITED') checks.rate_limit = rateLimitRecord('bitbucket_data_center', user.failure, now());
    if (!user.ok && user.failure.code !== 'PROVIDER_AUTH_REQUIRED') delete checks.auth;
    findings.push(skip('repository', 'Repository', 'Needs a working credential.'));
    return { checks, findings };
  }
  const who = user.value;
  checks.auth = { status: 'ok', identity: { username: who.username, ...(who.userId === undefined ? {} : { account_id: who.userId }) }, checked_at: at() };
  // The token's expiry, where the access-tokens API tells it (the radar then shows that date, not
  // a question). A refusal is no failure of the check: the admin is asked when storing the token.
  const expiry = await client.accessTokenExpiry(who.username);
  const tokenExpiresOn = expiry?.ok === true ? { tokenExpiresOn: expiry.value } : {};
  const expiryEvidence =
    expiry === undefined ? {} : expiry.ok ? { token_expires_on: expiry.value ?? 'never' } : { token_expiry_unread: `HTTP ${expiry.failure.status ?? 'no answer'}` };
  findings.push(
    pass('auth', 'Credential', `Signed in as ${who.username}.`, { method: input.authMethod, ...(who.userId === undefined ? {} : { user_id: who.userId }), ...expiryEvidence }),
  );

  const repo = await client.repository(input.projectKey, input.repositorySlug);
  if (repo.ok) {
    checks.repository = { status: 'found', ...(repo.value.public === undefined ? {} : { is_private: !repo.value.public }), checked_at: at() };
    findings.push(pass('repository', 'Repository', `${input.projectKey}/${repo.value.slug} found (${repo.value.public === true ? 'public' : 'private'}).`));
  } else if (repo.failure.code === 'PROVIDER_RATE_LIMITED') {
    checks.rate_limit = rateLimitRecord('bitbucket_data_center', repo.failure, now());
    findings.push(failFrom('repository', 'Repository', repo.failure));
  } else {
    const s = repo.failure.status;
    // Data Center answers 401 for "authenticated but not allowed here" as well as 403.
    const forbidden = s === 401 || s === 403;
    if (s === 404 || forbidden) checks.repository = { status: s === 404 ? 'missing' : 'forbidden', checked_at: at() };
    findings.push(
      forbidden
        ? fail('repository', 'Repository', 'PROVIDER_SCOPE_UNAVAILABLE', `The credential may not read ${input.projectKey}/${input.repositorySlug} (HTTP ${s}): it needs REPO_READ.`, {
            http_status: s,
            ...(repo.failure.providerMessage === undefined ? {} : { provider_message: repo.failure.providerMessage }),
          })
        : failFrom('repository', 'Repository', repo.failure),
    );
  }
  findings.push(skip('issue_tracking', 'Issue availability', 'Bitbucket Data Center has no issue tracker: route the work to Jira or portable export.'));
  return { checks, findings, ...tokenExpiresOn };
};
