// The world a Bitbucket Cloud simulator answers from. Secrets here are test values; the
// secret-scan test looks for each of them in everything the app wrote.

export interface SimAccount {
  readonly uuid: string;
  readonly account_id: string;
  readonly display_name: string;
  readonly nickname: string;
}

export interface SimCredential {
  readonly account: SimAccount;
  /** What `x-oauth-scopes` reports and what the routes enforce. */
  readonly scopes: readonly string[];
  /**
   * `x-credential-type`, spelled as Bitbucket sends it: `repo_access_token`, `project_access_token`,
   * `workspace_access_token` (a Go client's token probe maps exactly these, and the issue-13 review
   * observed them on live 403s), `api_token`, `oauth2`.
   */
  readonly type: 'api_token' | 'oauth2' | 'repo_access_token' | 'project_access_token' | 'workspace_access_token';
  /** Access tokens: the resource the token is bound to (`workspace/slug`, `workspace`), and nothing else. */
  readonly boundTo?: string;
}

export interface SimRepository {
  readonly uuid: string;
  readonly is_private: boolean;
  /** Absent in today's world (issues retired); true for a repository that still has a tracker. */
  readonly has_issues?: boolean;
  readonly components?: readonly string[];
  /** The repository answer's `workspace.slug`; defaults to the workspace in the path. */
  readonly workspaceSlug?: string;
  /** How the issue endpoints answer when there is no tracker. */
  readonly issueEndpoints?: '404' | '410';
  /** The workspace project the repository belongs to (listings name it); defaults to PROJ. */
  readonly projectKey?: string;
}

export interface CloudSimWorld {
  /** Basic `email:token` → credential. */
  readonly apiTokens: Record<string, SimCredential>;
  /** Bearer token → credential (access tokens and OAuth-issued tokens). */
  readonly bearerTokens: Record<string, SimCredential>;
  /** workspace → account uuid → permission. */
  readonly workspaces: Record<string, Record<string, string>>;
  /** `workspace/slug` → repository. */
  readonly repositories: Record<string, SimRepository>;
  /**
   * Answer the next N API calls with 429. Bitbucket Cloud usually sends no Retry-After
   * (https://support.atlassian.com/bitbucket-cloud/docs/api-request-limits/ names none, and
   * jenkinsci/bitbucket-branch-source-plugin#840 backs off on a fixed wait for that reason); the
   * X-RateLimit-* headers come with access tokens on /2.0/repositories/*.
   */
  rateLimit?: { remaining: number; retryAfter?: string; headers?: Readonly<Record<string, string>> };
  /** `schema`: scope lists in `error.data` (the published schema); `observed`: in `error.detail`, as the live service sends. */
  scopeErrorStyle: 'schema' | 'observed';
  readonly oauth: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly scopes: readonly string[];
    readonly account: SimAccount;
    /**
     * The consumer's registered callback URL ("Required for OAuth 2.0 consumers",
     * https://confluence.atlassian.com/bitbucket/oauth-faq-338365710.html). Empty: startCloudSim
     * registers http://127.0.0.1:<a free port>/callback.
     */
    callbackUrl: string;
    /** Every outstanding refresh token has gone unused for 3 months: the next refresh is refused. */
    refreshLapsed?: boolean;
    /** How a refused refresh answers: Bitbucket's observed `invalid_request` (default) or RFC 6749's `invalid_grant`. */
    refreshRefusal?: 'observed' | 'rfc';
  };
}

export const DANA: SimAccount = { uuid: '{11111111-1111-4111-8111-111111111111}', account_id: '557058:dana', display_name: 'Dana Admin', nickname: 'dana' };
export const EVE: SimAccount = { uuid: '{22222222-2222-4222-8222-222222222222}', account_id: '557058:eve', display_name: 'Eve Outsider', nickname: 'eve' };
export const BOT: SimAccount = { uuid: '{33333333-3333-4333-8333-333333333333}', account_id: '557058:bot', display_name: 'payments access token', nickname: 'bot' };

export const API_TOKEN_SCOPES = ['read:user:bitbucket', 'read:workspace:bitbucket', 'read:repository:bitbucket', 'read:issue:bitbucket', 'write:issue:bitbucket'];

export const SECRETS = {
  apiToken: 'ATATT3xFfGF0-sim-api-token-exact-4f9a',
  apiTokenNoIssue: 'ATATT3xFfGF0-sim-api-token-noissue-77c1',
  apiTokenNoRepo: 'ATATT3xFfGF0-sim-api-token-norepo-3e4d',
  apiTokenBroad: 'ATATT3xFfGF0-sim-api-token-broad-9d2e',
  eveToken: 'ATATT3xFfGF0-sim-api-token-eve-1b3c',
  accessToken: 'ATCTT3xFfGF0-sim-repo-access-token-5e6f',
  otherRepoAccessToken: 'ATCTT3xFfGF0-sim-repo-access-token-other-8a9b',
  workspaceAccessToken: 'ATCTT3xFfGF0-sim-workspace-access-token-4c5d',
  appPassword: 'sim-app-password-ATBB-0a1b2c',
  oauthClientSecret: 'sim-oauth-consumer-secret-8h7g',
} as const;

export const defaultCloudWorld = (): CloudSimWorld => ({
  apiTokens: {
    [`dana@acme.example:${SECRETS.apiToken}`]: { account: DANA, scopes: API_TOKEN_SCOPES, type: 'api_token' },
    [`dana@acme.example:${SECRETS.apiTokenNoIssue}`]: {
      account: DANA,
      scopes: ['read:user:bitbucket', 'read:workspace:bitbucket', 'read:repository:bitbucket'],
      type: 'api_token',
    },
    [`dana@acme.example:${SECRETS.apiTokenNoRepo}`]: { account: DANA, scopes: ['read:user:bitbucket', 'read:workspace:bitbucket'], type: 'api_token' },
    [`dana@acme.example:${SECRETS.apiTokenBroad}`]: { account: DANA, scopes: [...API_TOKEN_SCOPES, 'admin:repository:bitbucket', 'delete:repository:bitbucket'], type: 'api_token' },
    [`eve@elsewhere.example:${SECRETS.eveToken}`]: { account: EVE, scopes: API_TOKEN_SCOPES, type: 'api_token' },
  },
  bearerTokens: {
    // Access tokens cannot hold `account`: /2.0/user and the membership endpoint answer 403.
    [SECRETS.accessToken]: { account: BOT, scopes: ['repository', 'pullrequest'], type: 'repo_access_token', boundTo: 'acme/payments' },
    [SECRETS.otherRepoAccessToken]: { account: BOT, scopes: ['repository'], type: 'repo_access_token', boundTo: 'elsewhere/payments' },
    [SECRETS.workspaceAccessToken]: { account: BOT, scopes: ['repository'], type: 'workspace_access_token', boundTo: 'acme' },
  },
  workspaces: {
    acme: { [DANA.uuid]: 'owner', [BOT.uuid]: 'member' },
    partner: { [DANA.uuid]: 'member' },
    guests: { [DANA.uuid]: 'collaborator' },
  },
  repositories: {
    // Today's world: the repository answer carries no has_issues, issue endpoints 404 or 410.
    'acme/payments': { uuid: '{aaaa0000-0000-4000-8000-000000000001}', is_private: true, issueEndpoints: '410' },
    'acme/ledger': { uuid: '{aaaa0000-0000-4000-8000-000000000002}', is_private: true, issueEndpoints: '404' },
    // A repository that still reports a working tracker.
    'acme/legacy': { uuid: '{aaaa0000-0000-4000-8000-000000000003}', is_private: false, has_issues: true, components: ['api', 'web'] },
    // A working tracker with more components than one page holds (pagelen ≤ 100): `payments-api` is on page 2.
    'acme/monolith': {
      uuid: '{aaaa0000-0000-4000-8000-000000000005}',
      is_private: true,
      has_issues: true,
      components: [...Array.from({ length: 120 }, (_, i) => `module-${String(i + 1).padStart(3, '0')}`), 'payments-api'],
    },
    'elsewhere/payments': { uuid: '{aaaa0000-0000-4000-8000-000000000006}', is_private: true, issueEndpoints: '410' },
    'partner/shared': { uuid: '{aaaa0000-0000-4000-8000-000000000004}', is_private: true, has_issues: false, issueEndpoints: '404' },
  },
  scopeErrorStyle: 'schema',
  oauth: { clientId: 'sim-consumer-key', clientSecret: SECRETS.oauthClientSecret, scopes: ['account', 'repository', 'issue:write'], account: DANA, callbackUrl: '' },
});
