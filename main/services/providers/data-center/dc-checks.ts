import type { CheckFinding } from '../../../../shared/contract/checks';
import { BlockReason, type CheckResults } from '../../../../shared/domain/checks';
import { fail, failFrom, pass, skip } from '../common/findings';
import type { DataCenterClient } from './dc-client';

export interface DataCenterCheckInput {
  readonly projectKey: string;
  readonly repositorySlug: string;
  readonly authMethod: 'http_access_token' | 'basic';
}

/**
 * Instance identity (application-properties), the authenticated user (X-AUSERNAME), and the
 * repository. No issue check: Data Center work goes to Jira or portable export.
 */
export const runDataCenterChecks = async (
  client: DataCenterClient,
  input: DataCenterCheckInput,
  now: () => Date,
): Promise<{ checks: CheckResults; findings: CheckFinding[] }> => {
  const findings: CheckFinding[] = [];
  const checks: CheckResults = {};
  const at = () => now().toISOString();

  const props = await client.applicationProperties();
  if (!props.ok) {
    findings.push(failFrom('instance', 'Bitbucket Data Center instance', props.failure));
    const reason = BlockReason.safeParse(props.failure.details?.reason);
    checks.network = {
      status: 'failed',
      ...(reason.success ? { reason: reason.data } : {}),
      detail: props.failure.message,
      redirects: [...(props.evidence?.redirects ?? [])],
      via_proxy: props.evidence?.via_proxy ?? false,
      timings_ms: { ...(props.evidence?.timings_ms ?? {}) },
      checked_at: at(),
    };
    // The URL-safety client refused the base URL: that is the URL-safety verdict of this run.
    if (props.failure.code === 'PROVIDER_BASE_URL_BLOCKED' && reason.success) {
      checks.url_safety = { status: 'blocked', reason: reason.data, detail: props.failure.message, addresses: [...(props.evidence?.addresses ?? [])], checked_at: at() };
    }
    return { checks, findings };
  }
  const api_root = { version: props.value.version, buildNumber: props.value.buildNumber, displayName: props.value.displayName };
  checks.network = {
    status: 'reached',
    ...(props.evidence.tls === undefined ? {} : { tls: props.evidence.tls }),
    redirects: [...props.evidence.redirects],
    api_root,
    via_proxy: props.evidence.via_proxy,
    timings_ms: { ...props.evidence.timings_ms },
    checked_at: at(),
  };
  // Every call goes through the URL-safety client, so an answer means the base URL passed its stages.
  checks.url_safety = { status: 'passed', normalized: client.baseUrl, addresses: [...props.evidence.addresses], checked_at: at() };
  findings.push(pass('instance', 'Bitbucket Data Center instance', `${api_root.displayName} ${api_root.version} (build ${api_root.buildNumber}).`, api_root));

  const user = await client.authenticatedUser();
  if (!user.ok || user.value === undefined) {
    const detail = user.ok ? 'The instance answered anonymously: the credential was not accepted.' : user.failure.message;
    checks.auth = { status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: at() };
    findings.push(user.ok ? fail('auth', 'Credential', 'PROVIDER_AUTH_REQUIRED', detail, { method: input.authMethod }) : failFrom('auth', 'Credential', user.failure, { method: input.authMethod }));
    if (!user.ok && user.failure.code !== 'PROVIDER_AUTH_REQUIRED') delete checks.auth;
    findings.push(skip('repository', 'Repository', 'Needs a working credential.'));
    return { checks, findings };
  }
  checks.auth = { status: 'ok', identity: { username: user.value }, checked_at: at() };
  findings.push(pass('auth', 'Credential', `Signed in as ${user.value}.`, { method: input.authMethod }));

  const repo = await client.repository(input.projectKey, input.repositorySlug);
  if (repo.ok) {
    checks.repository = { status: 'found', ...(repo.value.public === undefined ? {} : { is_private: !repo.value.public }), checked_at: at() };
    findings.push(pass('repository', 'Repository', `${input.projectKey}/${repo.value.slug} found (${repo.value.public === true ? 'public' : 'private'}).`));
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
  return { checks, findings };
};
