import { startHttpsSim, type RunningSim, type SimAnswer, type SimRequest } from './https-sim';

// A Bitbucket Data Center 9.x simulator under a context path, answering as
// tests/fixtures/openapi/bitbucket-data-center.subset.json says. It has no issue endpoints:
// neither does the real product.

export const DC_SECRETS = {
  token: 'BBDC-NzQ0sim-http-access-token-3c2b1a',
  readOnlyToken: 'BBDC-NzQ0sim-no-repo-token-9f8e7d',
  password: 'sim-dc-password-Q7w8e9',
} as const;

export interface DataCenterSimWorld {
  readonly contextPath: string;
  /** Bearer token → user slug. */
  readonly tokens: Record<string, string>;
  /** `user:password` → user slug. */
  readonly basic: Record<string, string>;
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
  readonly echoTokenInUsername?: 'raw' | 'base64_bearer' | 'url_encoded';
  /** application-properties `displayName`: a free string in RestApplicationProperties (tests/fixtures/openapi/bitbucket-data-center.subset.json), so a hostile server sends any text. */
  readonly displayName?: string;
}

const echoed = (form: NonNullable<DataCenterSimWorld['echoTokenInUsername']>, token: string): string =>
  form === 'raw' ? token : form === 'base64_bearer' ? Buffer.from(`Bearer ${token}`, 'utf8').toString('base64') : encodeURIComponent(token);

export const defaultDataCenterWorld = (): DataCenterSimWorld => ({
  contextPath: '/bitbucket',
  tokens: { [DC_SECRETS.token]: 'dana', [DC_SECRETS.readOnlyToken]: 'svc-readonly' },
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
  const handle = (req: SimRequest): SimAnswer => {
    if (!req.path.startsWith(`${world.contextPath}/rest/`)) return { status: 404, text: '<html><body>Not found</body></html>' };
    const path = req.path.slice(world.contextPath.length).replace('/rest/api/latest/', '/rest/api/1.0/');
    const user = userOf(req);
    if (user === undefined) {
      return errors(401, 'Authentication failed. Please check your credentials and try again.', 'com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException');
    }
    const bearer = req.headers.authorization?.startsWith('Bearer ') === true ? req.headers.authorization.slice(7) : undefined;
    const name = world.echoTokenInUsername !== undefined && bearer !== undefined ? echoed(world.echoTokenInUsername, bearer) : user;
    const who: Record<string, string> = user === null || name === null ? {} : { 'x-ausername': name, 'x-auserid': '101' };
    if (path === '/rest/api/1.0/application-properties') {
      return { status: 200, headers: who, body: { version: world.version, buildNumber: '9004001', buildDate: '1760000000000', displayName: world.displayName ?? 'Bitbucket' } };
    }
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
      const [storedKey, slug] = key.split('/');
      return {
        status: 200,
        headers: who,
        body: {
          id: repo.id,
          slug,
          name: repo.name,
          public: repo.public,
          archived: false,
          forkable: true,
          scmId: 'git',
          state: 'AVAILABLE',
          statusMessage: 'Available',
          project: { key: storedKey, id: 1, name: storedKey?.startsWith('~') ? 'Dana Smith' : 'Security', public: false, type: storedKey?.startsWith('~') ? 'PERSONAL' : 'NORMAL' },
        },
      };
    }
    return errors(404, 'Not found', 'com.sun.jersey.api.NotFoundException');
  };
  const sim = await startHttpsSim(handle);
  return { ...sim, baseUrl: `${sim.origin}${world.contextPath}`, world };
};
