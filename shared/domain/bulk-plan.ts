import { z } from 'zod';
import { ErrorCode } from '../errors/codes';
import { CheckResults } from './checks';
import { TargetConfig } from './target';
import { PortableFormat } from './vocabulary';

// PLAN.json of bulk onboarding (docs/bulk-onboarding.md): one instance (a Data Center base URL or a
// Cloud workspace, checked once), the route rules, and every repository discovered, each with the
// result of its check once it has one. A plain file the admin may edit before checking: exclude
// rows, change routes. Every read of it goes through BulkPlan.

const Timestamp = z.iso.datetime({ offset: true });

/** Where a repository's work goes: a Jira project and issue type (the instance's Jira site), or portable export. */
export const BulkRoute = z.discriminatedUnion('workflow', [
  z.strictObject({
    workflow: z.literal('jira'),
    project_key: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'a Jira project key such as SEC'),
    issue_type: z.string().trim().min(1).max(255),
  }),
  z.strictObject({ workflow: z.literal('portable'), format: PortableFormat }),
]);
export type BulkRoute = z.infer<typeof BulkRoute>;

/** A default route and per-project overrides, keyed by the Data Center project key (or Cloud project key). */
export const BulkRoutes = z.strictObject({
  default: BulkRoute,
  projects: z.record(z.string().min(1).max(128), BulkRoute).default({}),
});
export type BulkRoutes = z.infer<typeof BulkRoutes>;

/**
 * A repository's verdict. `ready`: found, readable with the credential, not archived, its route
 * valid. `rate_limited` and `error` are not verdicts on the repository (a 429, a network failure):
 * a re-run checks those rows again, and a rate-limited row is never an auth failure.
 */
export const BulkVerdict = z.enum(['ready', 'archived', 'not_found', 'forbidden', 'route_invalid', 'rate_limited', 'error']);
export type BulkVerdict = z.infer<typeof BulkVerdict>;

/** Verdicts a re-run checks again. */
export const UNFINISHED_VERDICTS: readonly BulkVerdict[] = ['rate_limited', 'error'];

export const BulkResult = z.strictObject({
  verdict: BulkVerdict,
  code: ErrorCode.optional(),
  detail: z.string().max(600),
  /** The HTTP status of the repository call, when one answered. */
  http_status: z.number().int().optional(),
  checked_at: Timestamp,
});
export type BulkResult = z.infer<typeof BulkResult>;

const Slug = z.string().trim().min(1).max(128).regex(/^[A-Za-z0-9_.~-]+$/, 'letters, digits, . _ ~ -');

export const BulkRepository = z.strictObject({
  /** Data Center: the project key (`~user` for a personal project); Cloud: the workspace's project key. */
  project: z.string().min(1).max(128),
  slug: Slug,
  name: z.string().max(255).optional(),
  /** Left out of check and export (the admin's choice, or the exclusion list at discovery). */
  excluded: z.boolean().default(false),
  /** Overrides the project's and the default route for this repository alone. */
  route: BulkRoute.optional(),
  result: BulkResult.optional(),
});
export type BulkRepository = z.infer<typeof BulkRepository>;

/** A distinct Jira project and issue type, validated once for every repository routed to it. */
export const RouteCheck = z.strictObject({
  project_key: z.string(),
  issue_type: z.string(),
  status: z.enum(['ok', 'blocked']),
  code: ErrorCode.optional(),
  detail: z.string().max(600).optional(),
  checked_at: Timestamp,
});
export type RouteCheck = z.infer<typeof RouteCheck>;

export const BULK_PLAN_VERSION = 1;
/** The most repositories one plan holds. */
export const BULK_MAX_REPOSITORIES = 50_000;

export const BulkPlan = z.strictObject({
  plan_version: z.literal(BULK_PLAN_VERSION),
  /** The instance target: a Data Center base URL (no project or repository) or a Cloud workspace. */
  instance: TargetConfig,
  /** The instance-level checks of the last run (URL safety, network, credential, workspace). */
  instance_checks: CheckResults.default({}),
  routes: BulkRoutes,
  route_checks: z.array(RouteCheck).default([]),
  discovered_at: Timestamp,
  repositories: z.array(BulkRepository).max(BULK_MAX_REPOSITORIES),
});
export type BulkPlan = z.infer<typeof BulkPlan>;

/** The route a repository's work takes: its own, its project's, or the default. */
export const routeOf = (routes: BulkRoutes, repo: Pick<BulkRepository, 'project' | 'route'>): BulkRoute =>
  repo.route ?? routes.projects[repo.project] ?? routes.default;

/** Whether a repository still needs a check: included, and without a finished verdict. */
export const needsCheck = (repo: BulkRepository): boolean =>
  !repo.excluded && (repo.result === undefined || UNFINISHED_VERDICTS.includes(repo.result.verdict));

/** The `project/slug` key of a repository, unique within a plan. */
export const repoKey = (repo: Pick<BulkRepository, 'project' | 'slug'>): string => `${repo.project}/${repo.slug}`;

export type VerdictTotals = Record<BulkVerdict | 'unchecked', number>;

/** How many included repositories carry each verdict. */
export const verdictTotals = (repos: readonly Pick<BulkRepository, 'excluded' | 'result'>[]): VerdictTotals => {
  const totals = Object.fromEntries([...BulkVerdict.options, 'unchecked'].map((v) => [v, 0])) as VerdictTotals;
  for (const r of repos) if (!r.excluded) totals[r.result?.verdict ?? 'unchecked'] += 1;
  return totals;
};
