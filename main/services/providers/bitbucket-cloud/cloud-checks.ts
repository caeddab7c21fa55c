import type { CheckFinding } from '../../../../shared/contract/checks';
import type { CheckResults, ScopeCheck, WorkspaceCheck } from '../../../../shared/domain/checks';
import { IssuePriority, WorkspaceRole, type CloudAuthMethod } from '../../../../shared/domain/vocabulary';
import { fail, failFrom, pass, skip, warn } from '../common/findings';
import type { ProviderFailure } from '../common/provider-result';
import { rateLimitRecord } from '../common/rate-limit';
import type { CloudClient } from './cloud-client';
import { appPasswordExplanation } from './cloud-credential';
import { checkIssueAvailability } from './cloud-issue-availability';
import { evaluateScopes, parseScopeHeader, scopeFamilyOf } from './cloud-scopes';

export interface CloudCheckInput {
  readonly workspace: string;
  readonly repositorySlug: string;
  readonly authMethod: CloudAuthMethod;
  readonly component?: string;
  /** A string, not the enum: a value read from a file or typed by hand is checked here. */
  readonly priority?: string;
}

export interface CheckRunOutcome {
  readonly checks: CheckResults;
  readonly findings: CheckFinding[];
}

const OWNED_ROLES: ReadonlySet<string> = new Set(['owner', 'create-project', 'member']);

const roleOf = (permission: string | undefined): WorkspaceCheck['role'] => {
  const parsed = WorkspaceRole.safeParse(permission);
  return parsed.success ? parsed.data : 'none';
};

/** Every Bitbucket Cloud check for one target, in the wizard's order; stops where later checks cannot mean anything. */
export const runCloudChecks = async (client: CloudClient, input: CloudCheckInput, now: () => Date): Promise<CheckRunOutcome> => {
  const findings: CheckFinding[] = [];
  const checks: CheckResults = {};
  const at = () => now().toISOString();
  let granted: string[] = [];
  let credentialType: string | undefined;
  let scopeFailure: ProviderFailure | undefined;
  const noteHeaders = (headers: Readonly<Record<string, string>>): void => {
    const fromHeader = parseScopeHeader(headers['x-oauth-scopes']);
    if (fromHeader.length > 0) granted = fromHeader;
    credentialType = headers['x-credential-type'] ?? credentialType;
  };

  if (input.authMethod === 'app_password') findings.push(warn('app_password', 'App password', appPasswordExplanation()));
  // A 429 stops the run: the later calls would only hammer, and nothing they say would be new.
  const rateLimited = (id: CheckFinding['id'], title: string, f: ProviderFailure): CheckRunOutcome => {
    checks.rate_limit = rateLimitRecord('bitbucket_cloud', f, now());
    findings.push(failFrom(id, title, f));
    return { checks, findings };
  };

  // Identity: a 401 is a rejected credential; a 403 means it authenticated but lacks read:user.
  const user = await client.user();
  if (user.ok) {
    noteHeaders(user.response.headers);
    const u = user.value;
    const identity = {
      ...(u.display_name === undefined ? {} : { display_name: u.display_name }),
      ...(u.account_id === undefined ? {} : { account_id: u.account_id }),
      ...(u.username ?? u.nickname ? { username: u.username ?? u.nickname } : {}),
    };
    checks.auth = { status: 'ok', identity, checked_at: at() };
    findings.push(pass('auth', 'Credential', `Signed in as ${u.display_name ?? u.account_id ?? 'the credential user'}.`, { method: input.authMethod }));
  } else if (user.failure.code === 'PROVIDER_RATE_LIMITED') {
    return rateLimited('auth', 'Credential', user.failure);
  } else if (user.failure.code === 'PROVIDER_AUTH_REQUIRED') {
    const retired = input.authMethod === 'app_password';
    checks.auth = { status: retired ? 'retired' : 'rejected', code: 'PROVIDER_AUTH_REQUIRED', detail: user.failure.message, checked_at: at() };
    findings.push(failFrom('auth', 'Credential', user.failure, { method: input.authMethod }));
    return { checks, findings };
  } else if (user.failure.status === 403) {
    scopeFailure = user.failure;
    checks.auth = { status: 'ok', detail: 'The credential authenticated but may not read the user profile.', checked_at: at() };
    findings.push(warn('auth', 'Credential', 'The credential authenticated (HTTP 403, not 401) but may not read the user profile.', { method: input.authMethod }));
  } else {
    findings.push(failFrom('auth', 'Credential', user.failure));
    return { checks, findings };
  }

  // Workspace role: owner, create-project or member makes the workspace customer-owned.
  const perm = await client.workspacePermission(input.workspace);
  if (perm.ok) {
    noteHeaders(perm.response.headers);
    const role = roleOf(perm.value.permission);
    checks.workspace = { role, customer_owned: OWNED_ROLES.has(role), checked_at: at() };
    findings.push(
      OWNED_ROLES.has(role)
        ? pass('workspace', 'Workspace', `The credential's user is ${role} of ${input.workspace}: the workspace is customer-owned.`, { role })
        : fail('workspace', 'Workspace', 'PROVIDER_WORKSPACE_NOT_OWNED', `The credential's user is only ${role} of ${input.workspace}.`, { role }),
    );
  } else if (perm.failure.code === 'PROVIDER_RATE_LIMITED') {
    return rateLimited('workspace', 'Workspace', perm.failure);
  } else if (perm.failure.scopes !== undefined) {
    scopeFailure = perm.failure;
    findings.push(failFrom('workspace', 'Workspace', perm.failure));
  } else if (perm.failure.status === 403 || perm.failure.status === 404) {
    checks.workspace = { role: 'none', customer_owned: false, checked_at: at() };
    findings.push(
      fail('workspace', 'Workspace', 'PROVIDER_WORKSPACE_NOT_OWNED', `The credential's user is not a member of ${input.workspace}.`, {
        role: 'none',
        http_status: perm.failure.status,
      }),
    );
  } else {
    findings.push(failFrom('workspace', 'Workspace', perm.failure));
  }

  // Repository: found (privacy, uuid, has_issues), missing, or forbidden.
  const repo = await client.repository(input.workspace, input.repositorySlug);
  if (!repo.ok && repo.failure.code === 'PROVIDER_RATE_LIMITED') return rateLimited('repository', 'Repository', repo.failure);
  if (!repo.ok) {
    const status = repo.failure.status === 404 ? 'missing' : repo.failure.status === 403 ? 'forbidden' : undefined;
    if (status !== undefined) checks.repository = { status, checked_at: at() };
    if (repo.failure.status === 403) scopeFailure = repo.failure;
    findings.push(failFrom('repository', 'Repository', repo.failure));
    findings.push(skip('issue_tracking', 'Issue availability', 'Needs the repository.'));
  } else {
    noteHeaders(repo.response.headers);
    const r = repo.value;
    checks.repository = {
      status: 'found',
      ...(r.is_private === undefined ? {} : { is_private: r.is_private }),
      ...(r.uuid === undefined ? {} : { uuid: r.uuid }),
      has_issues: r.has_issues ?? null,
      checked_at: at(),
    };
    findings.push(
      pass('repository', 'Repository', `${r.full_name ?? `${input.workspace}/${input.repositorySlug}`} found (${r.is_private === false ? 'public' : 'private'}).`, {
        is_private: r.is_private ?? null,
        has_issues: r.has_issues ?? null,
      }),
    );
    const issues = await checkIssueAvailability(client, input.workspace, input.repositorySlug, r, now());
    if (issues.headers !== undefined) noteHeaders(issues.headers);
    if (issues.scopeFailure !== undefined) scopeFailure = issues.scopeFailure;
    if (issues.rateLimit !== undefined) return rateLimited('issue_tracking', 'Issue availability', issues.rateLimit);
    if (issues.record !== undefined) checks.issue_tracking = issues.record;
    findings.push(issues.finding);
  }

  // Scopes matter only for native issues, or when a 403 already named them.
  const family = scopeFamilyOf(input.authMethod);
  if (checks.issue_tracking?.available === true || scopeFailure !== undefined) {
    const scopes: ScopeCheck = evaluateScopes({
      family,
      granted: scopeFailure?.scopes?.granted ?? granted,
      ...(scopeFailure?.scopes === undefined ? {} : { providerRequired: scopeFailure.scopes.required }),
      ...(credentialType === undefined ? {} : { credentialType }),
      at: now(),
    });
    checks.scopes = scopes;
    const evidence = { required: scopes.required, granted: scopes.granted, missing: scopes.missing, broader: scopes.broader };
    if (scopes.status === 'missing' || (scopeFailure !== undefined && scopes.status !== 'sufficient')) {
      const hint = input.authMethod === 'access_token' ? ' Access tokens cannot hold issue scopes: use an API token or OAuth.' : '';
      findings.push(fail('scopes', 'Scopes', 'PROVIDER_SCOPE_UNAVAILABLE', `Missing scopes: ${scopes.missing.join(', ') || 'named by the provider'}.${hint}`, evidence));
    } else if (scopes.broader.length > 0) {
      findings.push(warn('scopes', 'Scopes', `Least privilege: the credential grants more than needed (${scopes.broader.join(', ')}).`, evidence));
    } else if (scopes.status === 'unknown') {
      findings.push(warn('scopes', 'Scopes', 'The provider did not report the granted scopes.', evidence));
    } else {
      findings.push(pass('scopes', 'Scopes', 'The credential grants exactly the scopes the native issue path needs.', evidence));
    }
  } else {
    findings.push(skip('scopes', 'Scopes', 'Scopes are selected only when Bitbucket Cloud issue tracking is enabled.'));
  }

  const tracker = checks.issue_tracking?.available === true ? checks.issue_tracking : undefined;
  findings.push(checkRouteValues(tracker?.components, input, tracker?.components_truncated === true));
  return { checks, findings };
};

/** Component from the live list, priority one of Bitbucket's issue priorities. */
export const checkRouteValues = (components: readonly string[] | undefined, input: Pick<CloudCheckInput, 'component' | 'priority'>, truncated = false): CheckFinding => {
  const title = 'Component and priority';
  if (input.priority !== undefined && !IssuePriority.safeParse(input.priority).success) {
    return fail('route_values', title, 'PROVIDER_VALUE_INVALID', `Priority "${input.priority}" is not one of ${IssuePriority.options.join(', ')}.`, {
      allowed: IssuePriority.options,
    });
  }
  if (components === undefined) return skip('route_values', title, 'Checked only against a working issue tracker.');
  if (input.component !== undefined && !components.includes(input.component)) {
    if (truncated) {
      return warn('route_values', title, `Component "${input.component}" is not among the first ${components.length} components (list truncated at ${components.length}).`, {
        truncated_at: components.length,
      });
    }
    return fail('route_values', title, 'PROVIDER_VALUE_INVALID', `Component "${input.component}" is not in the repository's component list.`, {
      allowed: components,
    });
  }
  return pass('route_values', title, 'Component and priority are accepted values.', { components });
};
