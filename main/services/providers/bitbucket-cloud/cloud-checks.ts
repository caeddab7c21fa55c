import type { CheckFinding } from '../../../../shared/contract/checks';
import type { CheckResults, ScopeCheck } from '../../../../shared/domain/checks';
import { IssuePriority, type CloudAuthMethod } from '../../../../shared/domain/vocabulary';
import { fail, failFrom, pass, skip, warn } from '../common/findings';
import type { ProviderFailure } from '../common/provider-result';
import { rateLimitRecord } from '../../net/rate-limit';
import type { CloudClient } from './cloud-client';
import { appPasswordExplanation } from './cloud-credential';
import { checkIssueAvailability } from './cloud-issue-availability';
import { accessTokenOwnership, membershipOwnership } from './cloud-ownership';
import { scopeFinding } from './cloud-scope-finding';
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

/** Every Bitbucket Cloud check for one target, in the wizard's order; stops where later checks cannot mean anything. */
export const runCloudChecks = async (client: CloudClient, input: CloudCheckInput, now: () => Date): Promise<CheckRunOutcome> => {
  const findings: CheckFinding[] = [];
  const checks: CheckResults = {};
  const at = () => now().toISOString();
  const accessToken = input.authMethod === 'access_token';
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
  } else if (user.failure.status === 403 && accessToken) {
    // Every access token gets 403 here: it has no user and cannot hold `account`. The answer still
    // proves the token authenticated and says which token it is (x-credential-type).
    if (user.response !== undefined) noteHeaders(user.response.headers);
    const kind = credentialType ?? 'access token';
    checks.auth = { status: 'ok', identity: { display_name: kind }, detail: `An ${kind}: it has no user profile, as every access token.`, checked_at: at() };
    findings.push(pass('auth', 'Credential', `The ${kind} authenticated (HTTP 403 on /user is what every access token gets: it has no user).`, { method: input.authMethod, credential_type: kind }));
  } else if (user.failure.status === 403) {
    scopeFailure = user.failure;
    checks.auth = { status: 'ok', detail: 'The credential authenticated but may not read the user profile.', checked_at: at() };
    findings.push(warn('auth', 'Credential', 'The credential authenticated (HTTP 403, not 401) but may not read the user profile.', { method: input.authMethod }));
  } else {
    findings.push(failFrom('auth', 'Credential', user.failure));
    return { checks, findings };
  }

  // Workspace role: a user credential's membership. An access token's comes from its repository below.
  if (!accessToken) {
    const owned = await membershipOwnership(client, input.workspace, now());
    if (owned.rateLimit !== undefined) return rateLimited('workspace', 'Workspace', owned.rateLimit);
    if (owned.headers !== undefined) noteHeaders(owned.headers);
    if (owned.scopeFailure !== undefined) scopeFailure = owned.scopeFailure;
    if (owned.record !== undefined) checks.workspace = owned.record;
    findings.push(owned.finding);
  }

  // Repository: found (privacy, uuid, has_issues), missing, or forbidden.
  const repo = await client.repository(input.workspace, input.repositorySlug);
  if (!repo.ok && repo.failure.code === 'PROVIDER_RATE_LIMITED') return rateLimited('repository', 'Repository', repo.failure);
  if (!repo.ok) {
    const status = repo.failure.status === 404 ? 'missing' : repo.failure.status === 403 ? 'forbidden' : undefined;
    if (status !== undefined) checks.repository = { status, checked_at: at() };
    if (repo.failure.status === 403) scopeFailure = repo.failure;
    const boundElsewhere = accessToken && repo.failure.status === 404 ? { message: `${repo.failure.message} An access token sees only the repository, project or workspace it was created for.` } : {};
    findings.push(failFrom('repository', 'Repository', { ...repo.failure, ...boundElsewhere }));
    if (accessToken) findings.push(skip('workspace', 'Workspace', 'An access token is tied to its workspace through the repository it reads.'));
    findings.push(skip('issue_tracking', 'Issue availability', 'Needs the repository.'));
  } else {
    noteHeaders(repo.response.headers);
    const r = repo.value;
    if (accessToken) {
      const owned = accessTokenOwnership(r, input.workspace, credentialType, now());
      if (owned.record !== undefined) checks.workspace = owned.record;
      findings.push(owned.finding);
    }
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

  // Scopes: the native path's when the repository reports a tracker; otherwise only what a refusal named.
  const native = checks.issue_tracking?.available === true;
  const trackerReported = native || checks.repository?.has_issues === true;
  if (trackerReported || scopeFailure !== undefined) {
    const scopes: ScopeCheck = evaluateScopes({
      family: scopeFamilyOf(input.authMethod),
      route: trackerReported ? 'native' : 'named',
      granted: scopeFailure?.scopes !== undefined && scopeFailure.scopes.granted.length > 0 ? scopeFailure.scopes.granted : granted,
      ...(scopeFailure?.scopes === undefined ? {} : { providerRequired: scopeFailure.scopes.required }),
      ...(credentialType === undefined ? {} : { credentialType }),
      at: now(),
    });
    checks.scopes = scopes;
    findings.push(scopeFinding(scopes, input.authMethod, scopeFailure !== undefined));
  } else {
    findings.push(skip('scopes', 'Scopes', 'Scopes are selected only when Bitbucket Cloud issue tracking is enabled.'));
  }

  const tracker = native ? checks.issue_tracking : undefined;
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
