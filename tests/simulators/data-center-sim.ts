import { dcPage } from './dc-paging';
import { startHttpsSim, type RunningSim, type SimAnswer, type SimRequest } from './https-sim';

// A Bitbucket Data Center 9.x simulator under a context path, answering as
// tests/fixtures/openapi/bitbucket-data-center.subset.json says. It has no issue endpoints:
// neither does the real product.

export const DC_SECRETS = {
  token: 'BBDC-NzQ0sim-http-access-token-3c2b1a',
  readOnlyToken: 'BBDC-NzQ0sim-no-repo-token-9f8e7d',
  /** The token of a user whose user name is an e-mail address. */
  emailUserToken: 'BBDC-NzQ0sim-email-user-token-5d4c3b',
  password: 'sim-dc-password-Q7w8e9',
} as const;

export interface DataCenterSimWorld {
  readonly contextPath: string;
  /** Bearer token → user name. */
  readonly tokens: Record<string, string>;
  /** `user:password` → user name. */
  readonly basic: Record<string, string>;
  /** User name → numeric user id (X-AUSERID); 101 when not listed. */
  readonly userIds?: Record<string, number>;
  /**
   * Anonymous access is on (public projects): a credential the instance does not accept is not
   * refused on a public resource, the call is answered as for anyone, without X-AUSERNAME. The
   * issue-13 review observed it; clients read a missing X-AUSERNAME as "signed in as no one"
   * (the signed-in user is only ever in that header: jenkinsci/atlassian-bitbucket-server-integration-plugin).
   */
  anonymousAccess?: boolean;
  /**
   * Data Center 10.x: Basic auth is off by default (the atlassian-authentication plugin). Every
   * Basic request answers 403 "Basic Authentication has been disabled on this instance."
   * (status and words: atlassian/data-center-helm-charts#1101, which re-enables it for Bitbucket
   * 10.x tests with -Dcom.atlassian.plugins.authentication.basic.auth.filter.force.allow=true).
   */
  basicAuthDisabled?: boolean;
  /** Users locked behind a CAPTCHA after failed logins: their Basic requests answer the 401 below. */
  captchaLocked?: readonly string[];
  /**
   * The token bucket of Data Center's rate limiting: the next N REST calls answer 429 with
   * Retry-After and X-RateLimit-Limit/-Remaining/-Interval-Seconds/-FillRate
   * (https://confluence.atlassian.com/bitbucketserver086/improving-instance-stability-with-rate-limiting-1188783544.html,
   * header table https://confluence.atlassian.com/conf87/_ratelimiting_httpheaders-1333822054.html;
   * the pages name the status and headers, not a body, so none is sent).
   */
  rateLimit?: { remaining: number; retryAfter?: string };
  /** `PROJECT/slug` → repository, plus which users may not read it (403). */
  readonly repositories: Record<string, { id: number; name: string; public: boolean; forbiddenFor?: readonly string[] }>;
  readonly version: string;
  /**
   * Hostile-server mode, not Atlassian behaviour: Bitbucket Data Center answers X-AUSERNAME with the
   * signed-in user's slug (read that way by Atlassian's own jenkinsci/atlassian-bitbucket-server-
   * integration-plugin, BitbucketAuthenticatedUserClientImpl). A hostile server, or a proxy in
   * front of one, can put anything there; this echoes the caller's token instead: raw, as base64 of
   * the whole `Bearer <token>` header, or URL-encoded.
   */
  readonly echoTokenInUsername?: 'raw' | 'base64_bearer' | 'url_encoded' | 'url_encoded_malformed';
  /**
   * HTTP access tokens as the access-tokens REST API describes them (token → its record). `user`:
   * the personal token's owner; absent for a project or repository token, which belongs to no user.
   * Only these tokens can be looked up; the rest of `tokens` answer 404 there.
   */
  readonly accessTokens?: Record<string, { readonly id: string; readonly createdDate: number; readonly expiryDays?: number; readonly user?: string; readonly permissions: readonly string[] }>;
  /**
   * Project names by key, for the project list (`GET /rest/api/1.0/projects`); a key without one is
   * named after itself. A free string in RestProject, so a hostile server sends any text.
   */
  readonly projectNames?: Record<string, string>;
  /** The server's page cap (`page.max.*`); 1,000 unless set (tests/simulators/dc-paging.ts). */
  readonly maxPageLimit?: number;
  /** Broken-server mode, not Atlassian's answer for these lists: pages say `isLastPage: false` without `nextPageStart` (dc-paging.ts, BSERV-12725). */
  readonly withoutNextPageStart?: boolean;
  /** application-properties `displayName`: a free string in RestApplicationProperties (tests/fixtures/openapi/bitbucket-data-center.subset.json), so a hostile server sends any text. */
  readonly displayName?: string;
}

const echoed = (form: NonNullable<DataCenterSimWorld['echoTokenInUsername']>, token: string): string =>
  form === 'raw'
    ? token
    : form === 'base64_bearer'
      ? Buffer.from(`Bearer ${token}`, 'utf8').toString('base64')
      : form === 'url_encoded'
        ? encodeURIComponent(token)
        : `${encodeURIComponent(token)}%zz`; // a percent sign that decodes to nothing: the header stays raw

export const defaultDataCenterWorld = (): DataCenterSimWorld => ({
  contextPath: '/bitbucket',
  tokens: { [DC_SECRETS.token]: 'dana', [DC_SECRETS.readOnlyToken]: 'svc-readonly', [DC_SECRETS.emailUserToken]: 'dana@acme.example' },
  userIds: { dana: 101, 'svc-readonly': 102, 'dana@acme.example': 103 },
  basic: { [`dana:${DC_SECRETS.password}`]: 'dana' },
  repositories: {
    'SEC/payments': { id: 11, name: 'payments', public: false, forbiddenFor: ['svc-readonly'] },
    'SEC/docs': { id: 12, name: 'docs', public: true },
    // A personal project: `~` + the user slug, which keeps `.` and `-`; the key is matched
    // without regard to case, as Bitbucket upper-cases personal keys (~DANA.SMITH) yet accepts either.
    // Sources: Atlassian's PersonalProject javadoc (type PERSONAL, one per user, key fixed by the system)
    // https://docs.atlassian.com/bitbucket-server/javadoc/9.2.1/api/com/atlassian/bitbucket/project/PersonalProject.html
    // and GitLab's Bitbucket Server importer fix "personal projects live in a namespace called ~username"
    // https://gitlab.com/gitlab-org/gitlab-ce/merge_requests/23601
    '~DANA.SMITH/notes': { id: 13, name: 'notes', public: false },
  },
  version: '9.4.1',
});

const errors = (status: number, message: string, exceptionName: string): SimAnswer => ({
  status,
  body: { errors: [{ message, exceptionName }] },
});

/**
 * The CAPTCHA lock-out, verbatim as a Bitbucket Server answered it (jenkinsci/stashnotifier-plugin#263:
 * HTTP 401, `WWW-Authenticate: Basic realm="Atlassian Bitbucket"`, this body).
 */
export const CAPTCHA_MESSAGE =
  'CAPTCHA required. Your Bitbucket account has been locked. To unlock it and log in again you must solve a CAPTCHA. This is typically caused by too many attempts to login with an incorrect password. The account lock prevents your SCM client from accessing Bitbucket and its mirrors until it is solved, even if you enter your password correctly.\n\nIf you are currently logged in to Bitbucket via a browser you may need to logout and then log back in in order to solve the CAPTCHA.';
const captcha = (): SimAnswer => ({
  status: 401,
  headers: { 'www-authenticate': 'Basic realm="Atlassian Bitbucket"' },
  body: { errors: [{ context: null, message: CAPTCHA_MESSAGE, exceptionName: 'com.atlassian.bitbucket.auth.CaptchaRequiredAuthenticationException' }] },
});

export interface DataCenterSim extends RunningSim {
  readonly baseUrl: string;
  readonly world: DataCenterSimWorld;
}

export const startDataCenterSim = async (world: DataCenterSimWorld = defaultDataCenterWorld()): Promise<DataCenterSim> => {
  const userOf = (req: SimRequest): string | null | undefined => {
    const h = req.headers.authorization;
    if (h === undefined) return null; // anonymous
    if (h.startsWith('Bearer ')) return world.tokens[h.slice(7)];
    if (h.startsWith('Basic ')) return world.basic[Buffer.from(h.slice(6), 'base64').toString('utf8')];
    return undefined;
  };
  /**
   * `GET /rest/access-tokens/1.0/users/{userSlug}/{tokenId}` ("Get HTTP token by ID" in Atlassian's
   * Bitbucket Data Center OpenAPI, as coderabbitai/bitbucket src/server/openapi/openapi-typescript.ts
   * carries it): 401 "The currently authenticated user is not permitted to get access tokens on
   * behalf of this user or authentication failed.", 404 "The specified user or token does not
   * exist." The body is a RestAccessToken as Atlassian's KB shows one
   * (https://confluence.atlassian.com/bitbucketserverkb/how-to-renew-personal-access-tokens-via-rest-api-s-in-bitbucket-server-1044088271.html:
   * `id` a 12-digit string, `createdDate` epoch ms, `name`, `permissions`, `user`), with
   * `expiryDays` and `lastAuthenticated` for a token that expires (eclipse-che/che-server
   * BitbucketPersonalAccessToken). A project or repository token belongs to no user and is refused
   * (401), as is a user asking for another user's tokens.
   */
  const accessToken = (user: string | null, bearer: string | undefined, slug: string, id: string): SimAnswer => {
    const refused = errors(401, 'The currently authenticated user is not permitted to get access tokens on behalf of this user or authentication failed.', 'com.atlassian.bitbucket.AuthorisationException');
    if (user === null) return refused;
    const caller = bearer === undefined ? undefined : world.accessTokens?.[bearer];
    if (caller !== undefined && caller.user === undefined) return refused;
    if (slug !== user) return refused;
    const found = Object.values(world.accessTokens ?? {}).find((t) => t.id === id && t.user === user);
    if (found === undefined) return errors(404, 'The specified user or token does not exist.', 'com.atlassian.bitbucket.NoSuchEntityException');
    return {
      status: 200,
      body: {
        id: found.id,
        createdDate: found.createdDate,
        lastAuthenticated: found.createdDate,
        name: 'webriskops',
        permissions: found.permissions,
        ...(found.expiryDays === undefined ? {} : { expiryDays: found.expiryDays }),
        user: { name: user, emailAddress: `${user}@acme.example`, id: world.userIds?.[user] ?? 101, displayName: user, active: true, slug: user, type: 'NORMAL' },
      },
    };
  };
  /** The repositories `user` may read (null: anonymous, public ones only). */
  const visibleRepos = (user: string | null) =>
    Object.entries(world.repositories).filter(([, r]) => (user === null ? r.public : r.forbiddenFor?.includes(user) !== true));
  /** A RestRepository as the single-repository call answers it. */
  const repoBody = (key: string, repo: DataCenterSimWorld['repositories'][string]) => {
    const [storedKey, slug] = key.split('/');
    return {
      id: repo.id,
      slug,
      name: repo.name,
      public: repo.public,
      archived: false,
      forkable: true,
      scmId: 'git',
      state: 'AVAILABLE',
      statusMessage: 'Available',
      project: { key: storedKey, id: 1, name: storedKey?.startsWith('~') ? 'Dana Smith' : (world.projectNames?.[storedKey ?? ''] ?? 'Security'), public: false, type: storedKey?.startsWith('~') ? 'PERSONAL' : 'NORMAL' },
    };
  };
  const handle = (req: SimRequest): SimAnswer => {
    if (!req.path.startsWith(`${world.contextPath}/rest/`)) return { status: 404, text: '<html><body>Not found</body></html>' };
    if (world.rateLimit !== undefined && world.rateLimit.remaining > 0) {
      world.rateLimit.remaining -= 1;
      const bucket = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-seconds': '1', 'x-ratelimit-fillrate': '1' };
      return { status: 429, text: '', headers: { ...bucket, ...(world.rateLimit.retryAfter === undefined ? {} : { 'retry-after': world.rateLimit.retryAfter }) } };
    }
    const path = req.path.slice(world.contextPath.length).replace('/rest/api/latest/', '/rest/api/1.0/');
    const basicUser = req.headers.authorization?.startsWith('Basic ') === true ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8').split(':')[0] : undefined;
    if (basicUser !== undefined && world.basicAuthDisabled === true) return { status: 403, body: { message: 'Basic Authentication has been disabled on this instance.' } };
    if (basicUser !== undefined && world.captchaLocked?.includes(basicUser) === true) return captcha();
    const known = userOf(req);
    // With anonymous access on, a credential the instance does not accept is answered as anonymous.
    const user = known === undefined && world.anonymousAccess === true ? null : known;
    if (user === undefined) {
      return errors(401, 'Authentication failed. Please check your credentials and try again.', 'com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException');
    }
    const bearer = req.headers.authorization?.startsWith('Bearer ') === true ? req.headers.authorization.slice(7) : undefined;
    // X-AUSERNAME is the user name URL-encoded (eclipse-che/che-server#796, fork-dev/Tracker#1492).
    const name = world.echoTokenInUsername !== undefined && bearer !== undefined ? echoed(world.echoTokenInUsername, bearer) : user === null ? null : encodeURIComponent(user);
    const who: Record<string, string> = user === null || name === null ? {} : { 'x-ausername': name, 'x-auserid': String(world.userIds?.[user] ?? 101) };
    if (path === '/rest/api/1.0/application-properties') {
      return { status: 200, headers: who, body: { version: world.version, buildNumber: '9004001', buildDate: '1760000000000', displayName: world.displayName ?? 'Bitbucket' } };
    }
    const tokenPath = /^\/rest\/access-tokens\/(?:1\.0|latest)\/users\/([^/]+)\/([^/]+)$/.exec(req.path.slice(world.contextPath.length));
    if (tokenPath !== null) return accessToken(user, bearer, decodeURIComponent(tokenPath[1] ?? ''), decodeURIComponent(tokenPath[2] ?? ''));
    const m = /^\/rest\/api\/1\.0\/projects\/([^/]+)\/repos\/([^/]+)$/.exec(path);
    if (m !== null) {
      if (user === null) return errors(401, 'You are not permitted to access this resource', 'com.atlassian.bitbucket.AuthorisationException');
      const projectKey = decodeURIComponent(m[1] ?? '');
      const key = `${projectKey.startsWith('~') ? projectKey.toUpperCase() : projectKey}/${decodeURIComponent(m[2] ?? '')}`;
      const repo = world.repositories[key];
      if (repo === undefined) return { ...errors(404, `Repository ${key} does not exist.`, 'com.atlassian.bitbucket.repository.NoSuchRepositoryException'), headers: who };
      if (repo.forbiddenFor?.includes(user)) {
        return { ...errors(403, 'You are not permitted to access this resource', 'com.atlassian.bitbucket.AuthorisationException'), headers: who };
      }
      return { status: 200, headers: who, body: repoBody(key, repo) };
    }
    // `GET /rest/api/1.0/projects` (RestProject: key, id, name, public, type; paged): the projects
    // the user can see, personal projects not among them — those are listed per user
    // (https://developer.atlassian.com/server/bitbucket/rest/v906/api-group-project/#api-api-latest-projects-get).
    // The page and its statuses are `getProjects` of Atlassian's Bitbucket Data Center 9.2 OpenAPI
    // (tests/fixtures/openapi/bitbucket-data-center.subset.json, read from coderabbitai/bitbucket
    // src/server/openapi/swagger.v3.json), paged as well-used clients follow it: renovate's
    // accumulateValues (lib/modules/platform/bitbucket-server/utils.ts) asks `limit`, then
    // `start=nextPageStart` until `isLastPage` is not false.
    if (path === '/rest/api/1.0/projects') {
      if (user === null && world.anonymousAccess !== true) return errors(401, 'You are not permitted to access this resource', 'com.atlassian.bitbucket.AuthorisationException');
      const keys = [...new Set(visibleRepos(user).map(([key]) => key.split('/')[0] ?? ''))].filter((k) => k !== '' && !k.startsWith('~')).sort();
      const projects = keys.map((key, i) => ({ key, id: i + 1, name: world.projectNames?.[key] ?? key, public: false, type: 'NORMAL' }));
      return { ...dcPage(req, projects, world.maxPageLimit, world.withoutNextPageStart), headers: who };
    }
    // `GET /rest/api/1.0/projects/{projectKey}/repos` (RestRepository, paged; same page): 404
    // NoSuchProjectException for a project that does not exist
    // (https://developer.atlassian.com/server/bitbucket/rest/v906/api-group-project/#api-api-latest-projects-projectkey-repos-get;
    // `getRepositories` in the same OpenAPI document declares 200, 401 and 404 "The specified project does not exist.").
    const list = /^\/rest\/api\/1\.0\/projects\/([^/]+)\/repos$/.exec(path);
    if (list !== null) {
      if (user === null && world.anonymousAccess !== true) return errors(401, 'You are not permitted to access this resource', 'com.atlassian.bitbucket.AuthorisationException');
      const asked = decodeURIComponent(list[1] ?? '');
      const projectKey = asked.startsWith('~') ? asked.toUpperCase() : asked;
      if (!Object.keys(world.repositories).some((k) => k.split('/')[0] === projectKey)) {
        return { ...errors(404, `Project ${projectKey} does not exist.`, 'com.atlassian.bitbucket.project.NoSuchProjectException'), headers: who };
      }
      const repos = visibleRepos(user).filter(([key]) => key.split('/')[0] === projectKey);
      return { ...dcPage(req, repos.map(([key, repo]) => repoBody(key, repo)), world.maxPageLimit, world.withoutNextPageStart), headers: who };
    }
    return errors(404, 'Not found', 'com.sun.jersey.api.NotFoundException');
  };
  const sim = await startHttpsSim(handle);
  return { ...sim, baseUrl: `${sim.origin}${world.contextPath}`, world };
};
