import { dcPage } from './dc-paging';
import { startHttpsSim, type RunningSim, type SimAnswer, type SimRequest } from './https-sim';

// A Bitbucket Data Center 9.x instance with many repositories, for bulk onboarding: 40 projects of
// 30 repositories by default (1,200), under a context path, behind one HTTP access token.
//
// Paging as Data Center pages (tests/simulators/dc-paging.ts, with its sources); this one caps a page at 100.
//
// Rate limiting, as Data Center's token bucket does it
// (https://confluence.atlassian.com/bitbucketserver086/improving-instance-stability-with-rate-limiting-1188783544.html):
// X-RateLimit-Limit (bucket size), -Remaining, -Interval-Seconds and -FillRate on answers, and
// 429 with Retry-After when the bucket is empty.

export const BULK_DC_TOKEN = 'BBDC-bulk-sim-http-access-token-7d6c5b4a';
/** Sees only the first project: the rest answer 404, as Data Center hides what a user may not read. */
export const BULK_DC_ONE_PROJECT_TOKEN = 'BBDC-bulk-sim-one-project-token-1a2b3c';

export interface BulkDcOptions {
  readonly projects?: number;
  readonly perProject?: number;
  /** The server's page cap. */
  readonly maxLimit?: number;
  /** Every n-th repository is archived (Data Center 8+ `archived` on the repository). */
  readonly archivedEvery?: number;
  /** Answer 429 with Retry-After to `count` requests once `after` repository calls were answered. */
  readonly burst429?: { readonly after: number; readonly count: number; readonly retryAfterS: number };
  /** A token bucket on every authenticated call: `capacity` tokens, `fillPerSecond` added each second. */
  readonly bucket?: { readonly capacity: number; readonly fillPerSecond: number };
  /** Each repository call is answered this long after it arrives (a slow link), so a run takes a while. */
  readonly repoLatencyMs?: number;
}

export interface BulkDcSim extends RunningSim {
  readonly baseUrl: string;
  /** Repository calls answered, by status; and when each 429 and each later 200 happened (ms since start). */
  readonly stats: { repoCalls: number; byStatus: Record<number, number>; tooMany: number[]; okAt: number[]; listPages: number; pageStarts: string[] };
  readonly projectKeys: readonly string[];
}

const CONTEXT = '/bitbucket';

const errors = (status: number, message: string, exceptionName: string, headers: Record<string, string> = {}): SimAnswer => ({ status, body: { errors: [{ message, exceptionName }] }, headers });

export const startBulkDataCenterSim = async (o: BulkDcOptions = {}): Promise<BulkDcSim> => {
  const projectCount = o.projects ?? 40;
  const perProject = o.perProject ?? 30;
  const maxLimit = o.maxLimit ?? 100;
  const projectKeys = Array.from({ length: projectCount }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);
  const repos = projectKeys.flatMap((key, p) =>
    Array.from({ length: perProject }, (_, i) => ({ id: p * perProject + i + 1, project: key, slug: `repo-${String(i + 1).padStart(3, '0')}` })),
  );
  const byKey = new Map(repos.map((r) => [`${r.project}/${r.slug}`, r]));
  const stats: BulkDcSim['stats'] = { repoCalls: 0, byStatus: {}, tooMany: [], okAt: [], listPages: 0, pageStarts: [] };
  const t0 = Date.now();
  let burstLeft = o.burst429?.count ?? 0;
  let tokens = o.bucket?.capacity ?? 0;
  let filledAt = Date.now();

  const repoBody = (r: (typeof repos)[number]) => ({
    id: r.id,
    slug: r.slug,
    name: r.slug,
    public: false,
    archived: o.archivedEvery !== undefined && r.id % o.archivedEvery === 0,
    scmId: 'git',
    state: 'AVAILABLE',
    project: { key: r.project, id: Number(r.project.slice(1)), name: `Project ${r.project}`, public: false, type: 'NORMAL' },
  });

  const page = (req: SimRequest, list: readonly (typeof repos)[number][]): SimAnswer => {
    const answer = dcPage(req, list.map(repoBody), maxLimit);
    if (answer.status !== 200) return answer;
    stats.listPages += 1;
    stats.pageStarts.push(`${req.path}?start=${Number(req.query.get('start') ?? 0)}`);
    return answer;
  };

  const bucketHeaders = (): Record<string, string> => {
    const b = o.bucket;
    if (b === undefined) return {};
    return { 'x-ratelimit-limit': String(b.capacity), 'x-ratelimit-remaining': String(Math.max(0, Math.floor(tokens))), 'x-ratelimit-interval-seconds': '1', 'x-ratelimit-fillrate': String(b.fillPerSecond) };
  };

  const handle = (req: SimRequest): SimAnswer => {
    if (!req.path.startsWith(`${CONTEXT}/rest/`)) return { status: 404, text: '<html><body>Not found</body></html>' };
    const path = req.path.slice(CONTEXT.length);
    if (path === '/rest/api/1.0/application-properties' && req.headers.authorization === undefined) {
      return { status: 200, body: { version: '9.4.1', buildNumber: '9004001', buildDate: '1760000000000', displayName: 'Bitbucket' } };
    }
    const token = req.headers.authorization?.startsWith('Bearer ') === true ? req.headers.authorization.slice(7) : undefined;
    const user = token === BULK_DC_TOKEN ? 'dana' : token === BULK_DC_ONE_PROJECT_TOKEN ? 'svc-one' : undefined;
    if (user === undefined) return errors(401, 'Authentication failed. Please check your credentials and try again.', 'com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException');
    const visible = (project: string): boolean => user === 'dana' || project === projectKeys[0];
    if (o.bucket !== undefined) {
      const now = Date.now();
      tokens = Math.min(o.bucket.capacity, tokens + ((now - filledAt) / 1000) * o.bucket.fillPerSecond);
      filledAt = now;
      if (tokens < 1) {
        const wait = Math.ceil((1 - tokens) / o.bucket.fillPerSecond);
        stats.tooMany.push(Date.now() - t0);
        return errors(429, 'You have been rate limited.', 'com.atlassian.bitbucket.ratelimit.RateLimitedException', { ...bucketHeaders(), 'retry-after': String(Math.max(1, wait)) });
      }
      tokens -= 1;
    }
    const who = { 'x-ausername': user, ...bucketHeaders() };
    if (path === '/rest/api/1.0/application-properties') {
      return { status: 200, headers: who, body: { version: '9.4.1', buildNumber: '9004001', buildDate: '1760000000000', displayName: 'Bitbucket' } };
    }
    if (path === '/rest/api/1.0/repos') return { ...page(req, repos.filter((r) => visible(r.project))), headers: who };
    const list = /^\/rest\/api\/1\.0\/projects\/([^/]+)\/repos$/.exec(path);
    if (list !== null) {
      const key = decodeURIComponent(list[1] ?? '');
      if (!projectKeys.includes(key) || !visible(key)) return errors(404, `Project ${key} does not exist.`, 'com.atlassian.bitbucket.project.NoSuchProjectException', who);
      return { ...page(req, repos.filter((r) => r.project === key)), headers: who };
    }
    const one = /^\/rest\/api\/1\.0\/projects\/([^/]+)\/repos\/([^/]+)$/.exec(path);
    if (one !== null) {
      stats.repoCalls += 1;
      if (o.burst429 !== undefined && stats.repoCalls > o.burst429.after && burstLeft > 0) {
        burstLeft -= 1;
        stats.tooMany.push(Date.now() - t0);
        return errors(429, 'You have been rate limited.', 'com.atlassian.bitbucket.ratelimit.RateLimitedException', { ...who, 'retry-after': String(o.burst429.retryAfterS) });
      }
      const key = `${decodeURIComponent(one[1] ?? '')}/${decodeURIComponent(one[2] ?? '')}`;
      const repo = byKey.get(key);
      if (repo === undefined || !visible(repo.project)) return errors(404, `Repository ${key} does not exist.`, 'com.atlassian.bitbucket.repository.NoSuchRepositoryException', who);
      stats.okAt.push(Date.now() - t0);
      return { status: 200, headers: who, body: repoBody(repo) };
    }
    return errors(404, 'Not found', 'com.sun.jersey.api.NotFoundException', who);
  };
  const isRepoCall = (req: SimRequest): boolean => /\/projects\/[^/]+\/repos\/[^/]+$/.test(req.path);
  const counted = async (req: SimRequest): Promise<SimAnswer> => {
    if (o.repoLatencyMs !== undefined && isRepoCall(req)) await new Promise((r) => setTimeout(r, o.repoLatencyMs));
    const a = handle(req);
    stats.byStatus[a.status] = (stats.byStatus[a.status] ?? 0) + 1;
    return a;
  };
  const sim = await startHttpsSim(counted);
  return { ...sim, baseUrl: `${sim.origin}${CONTEXT}`, stats, projectKeys };
};
