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

type Outcome = { checks: CheckResults; findings: CheckFinding[] };

const missing = (deps: CheckRunDeps, detail: string): Outcome => ({
  checks: { auth: { status: 'missing', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: deps.clock.now().toISOString() } },
  findings: [fail('auth', 'Credential', 'PROVIDER_AUTH_REQUIRED', detail)],
});

const credentialOf = (t: CloudTarget, secret: string): CloudCredential | string => {
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

/** Refreshes the OAuth access token with the stored refresh token and consumer; true when new tokens were stored. */
const tryRefresh = async (t: CloudTarget, deps: CheckRunDeps): Promise<string | null> => {
  const refreshToken = await deps.secrets.get(accountFor(t.id, 'bitbucket_refresh'));
  const consumer = await readConsumer(deps.secrets, t.id);
  if (refreshToken === null || consumer === null) return null;
  const r = await refreshOAuth({ consumer, http: deps.cloudHttp, refreshToken, ...(deps.oauthEndpoints === undefined ? {} : { endpoints: deps.oauthEndpoints }) });
  if (!r.ok) return null;
  await storeOAuthTokens(deps.secrets, t.id, r.value);
  return r.value.access_token;
};

/** Every Bitbucket Cloud check of a saved target, with its keychain credential (OAuth refreshed once when rejected). */
export const runCloudTarget = async (t: CloudTarget, deps: CheckRunDeps): Promise<Outcome> => {
  if (t.workspace === undefined || t.repository_slug === undefined) {
    return { checks: {}, findings: [fail('repository', 'Repository', 'PROVIDER_RESOURCE_NOT_FOUND', 'Enter the workspace and repository first.')] };
  }
  const secret = await deps.secrets.get(accountFor(t.id, 'bitbucket'));
  if (secret === null) return missing(deps, 'No Bitbucket credential is stored for this target.');
  const run = (s: string) => {
    const credential = credentialOf(t, s);
    if (typeof credential === 'string') return Promise.resolve(missing(deps, credential));
    const client = createCloudClient({
      http: deps.cloudHttp,
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
  if (t.auth_method !== 'oauth' || first.checks.auth?.status !== 'rejected') return first;
  const refreshed = await tryRefresh(t, deps);
  return refreshed === null ? first : run(refreshed);
};
