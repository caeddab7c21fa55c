import type { CheckFinding } from '../../../shared/contract/checks';
import type { CheckResults } from '../../../shared/domain/checks';
import type { CloudTarget } from '../../../shared/domain/target';
import { readConsumer } from '../secrets/credentials';
import { storeOAuthTokens } from '../secrets/oauth-tokens';
import { accountFor } from '../secrets/secret-store';
import { createCloudClient } from './bitbucket-cloud/cloud-client';
import { runCloudChecks } from './bitbucket-cloud/cloud-checks';
import type { CloudCredential } from './bitbucket-cloud/cloud-credential';
import { fail } from './common/findings';
import { refreshOAuth } from './oauth/oauth-flow';
import type { CheckRunDeps } from './provider-deps';
import { isCancelled } from '../progress/call-progress';
import { httpOfCall } from '../net/http-client';

type Outcome = { checks: CheckResults; findings: CheckFinding[] };

const missing = (deps: CheckRunDeps, detail: string): Outcome => ({
  checks: { auth: { status: 'missing', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: deps.clock.now().toISOString() } },
  findings: [fail('auth', 'Credential', 'PROVIDER_AUTH_REQUIRED', detail)],
});

/** The client credential of a Cloud target and its keychain secret, or why there is none. */
export const cloudCredentialOf = (t: CloudTarget, secret: string): CloudCredential | string => {
  switch (t.auth_method) {
    case 'api_token':
      return t.account_email === undefined ? 'API tokens are used with the Atlassian account e-mail: enter it first.' : { method: 'api_token', email: t.account_email, token: secret };
    case 'oauth':
      return { method: 'oauth', accessToken: secret };
    case 'access_token':
      return { method: 'access_token', token: secret };
    case 'app_password':
      return { method: 'app_password', username: t.account_email ?? 'unknown', password: secret };
    case undefined:
      return 'Choose an auth method first.';
    default: {
      const never: never = t.auth_method;
      return never;
    }
  }
};

type Refresh = { readonly kind: 'refreshed'; readonly accessToken: string } | { readonly kind: 'sign_in_again'; readonly detail: string } | { readonly kind: 'not_refreshed' };

/**
 * Refreshes the OAuth access token with the stored refresh token and consumer. Bitbucket rotates
 * refresh tokens (each use issues a new one and the used one is refused afterwards), so the new
 * pair replaces the old one in the keychain at once.
 */
const tryRefresh = async (t: CloudTarget, deps: CheckRunDeps): Promise<Refresh> => {
  const refreshToken = await deps.secrets.get(accountFor(t.id, 'bitbucket_refresh'));
  const consumer = await readConsumer(deps.secrets, t.id);
  if (refreshToken === null || consumer === null) return { kind: 'not_refreshed' };
  const r = await refreshOAuth({ consumer, http: httpOfCall(deps.cloudHttp, deps.network.call), refreshToken, ...(deps.oauthEndpoints === undefined ? {} : { endpoints: deps.oauthEndpoints }) });
  if (!r.ok) return r.error.code === 'OAUTH_SIGN_IN_REQUIRED' ? { kind: 'sign_in_again', detail: r.error.message } : { kind: 'not_refreshed' };
  await storeOAuthTokens(deps.secrets, t.id, r.value);
  return { kind: 'refreshed', accessToken: r.value.access_token };
};

/** A refresh token Bitbucket refused: a state of its own ("sign in again"), not a generic rejection. */
const signInAgain = (first: Outcome, detail: string, at: string): Outcome => ({
  checks: { ...first.checks, auth: { status: 'rejected', code: 'OAUTH_SIGN_IN_REQUIRED', detail, checked_at: at } },
  findings: first.findings.map((f) => (f.id === 'auth' ? fail('auth', 'Credential', 'OAUTH_SIGN_IN_REQUIRED', detail) : f)),
});

/**
 * Every Bitbucket Cloud check of a saved target, with its keychain credential (OAuth refreshed once
 * when rejected). `oauthRefreshedAt`: when the refresh token was used (and a new one stored).
 */
export const runCloudTarget = async (t: CloudTarget, deps: CheckRunDeps): Promise<Outcome & { oauthRefreshedAt?: string }> => {
  if (t.workspace === undefined || t.repository_slug === undefined) {
    return { checks: {}, findings: [fail('repository', 'Repository', 'PROVIDER_RESOURCE_NOT_FOUND', 'Enter the workspace and repository first.')] };
  }
  const secret = await deps.secrets.get(accountFor(t.id, 'bitbucket'));
  if (secret === null) return missing(deps, 'No Bitbucket credential is stored for this target.');
  const run = (s: string) => {
    const credential = cloudCredentialOf(t, s);
    if (typeof credential === 'string') return Promise.resolve(missing(deps, credential));
    const client = createCloudClient({
      // The network of this call: every Cloud request stops on its cancel and reports its stages.
      http: httpOfCall(deps.cloudHttp, deps.network.call),
      credential,
      clock: deps.clock,
      sleep: deps.sleep,
      ...(deps.cloudApiRoot === undefined ? {} : { apiRoot: deps.cloudApiRoot }),
      ...(deps.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: deps.maxRetryWaitMs }),
    });
    const input = {
      workspace: t.workspace ?? '',
      repositorySlug: t.repository_slug ?? '',
      authMethod: credential.method,
      ...(t.component === undefined ? {} : { component: t.component }),
      ...(t.priority === undefined ? {} : { priority: t.priority }),
    };
    return runCloudChecks(client, input, () => deps.clock.now());
  };
  const first = await run(secret);
  // Cancelled: no refresh (it would use and replace the stored refresh token for a run that stores nothing).
  if (t.auth_method !== 'oauth' || first.checks.auth?.status !== 'rejected' || isCancelled(deps.network.call)) return first;
  const at = deps.clock.now().toISOString();
  const refreshed = await tryRefresh(t, deps);
  if (refreshed.kind === 'sign_in_again') return signInAgain(first, refreshed.detail, at);
  if (refreshed.kind === 'not_refreshed') return first;
  return { ...(await run(refreshed.accessToken)), oauthRefreshedAt: at };
};
