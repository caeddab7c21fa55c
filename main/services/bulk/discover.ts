import { fail, ok, type Result } from '../../../shared/contract/define';
import type { BulkDiscovered } from '../../../shared/contract/bulk';
import { BULK_MAX_REPOSITORIES, BULK_PLAN_VERSION, BulkPlan, repoKey, type BulkRepository, type BulkRoutes } from '../../../shared/domain/bulk-plan';
import { evaluateInstanceReadiness } from '../../../shared/domain/instance-readiness';
import type { CheckResults } from '../../../shared/domain/checks';
import type { TargetConfig } from '../../../shared/domain/target';
import { targetScrubber } from '../scrub/target-secrets';
import { matcherOf } from './glob';
import { openInstance, type BulkDeps, type FoundRepository } from './instance';
import { createPacer } from './pacer';

/** Pages one listing is read to: 1,000 pages of 100 is 100,000 repositories. */
export const DISCOVERY_MAX_PAGES = 1_000;

export interface DiscoverRequest {
  readonly projects: readonly string[];
  readonly match?: string | undefined;
  readonly exclude: readonly string[];
  readonly routes?: BulkRoutes | undefined;
}

/** Why the instance checks stopped a run, as an expected failure carrying the records. */
export const instanceFailure = (target: TargetConfig, checks: CheckResults): Result<never> => {
  const r = evaluateInstanceReadiness(target, checks);
  const code = checks.rate_limit !== undefined ? 'PROVIDER_RATE_LIMITED' : (r.blocking[0] ?? 'PROVIDER_UNAVAILABLE');
  const why = [...r.blocking, ...r.pending, checks.rate_limit?.detail ?? '', checks.auth?.detail ?? ''].filter((x) => x !== '').join(' ');
  return fail(code, `The instance checks did not pass, so no repository was read: ${why}`.slice(0, 600), { instance_checks: checks });
};

/** The default route of a target: its Jira project and issue type, else its portable format, else portable JSON. */
export const defaultRoutes = (t: TargetConfig): BulkRoutes => {
  const j = t.jira;
  if (t.issue_workflow === 'jira' && j?.project_key !== undefined && j.issue_type !== undefined) {
    return { default: { workflow: 'jira', project_key: j.project_key, issue_type: j.issue_type }, projects: {} };
  }
  return { default: { workflow: 'portable', format: t.portable?.format ?? 'json' }, projects: {} };
};

/** The instance part of a target: no repository (and, on Data Center, no project). */
export const instanceOf = (t: TargetConfig): TargetConfig => {
  const { repository_slug: _slug, ...rest } = t;
  void _slug;
  if (rest.provider_key === 'bitbucket_cloud_issues') return rest;
  const { workspace: _project, ...dc } = rest;
  void _project;
  return dc;
};

/**
 * Discovery: the instance checks, then every repository the credential can see, each page read
 * once (Data Center per project when projects are named), filtered by `match`, with the exclusion
 * list marking rows excluded rather than dropping them, so the plan shows what was left out.
 */
export const discoverRepositories = async (deps: BulkDeps, target: TargetConfig, req: DiscoverRequest): Promise<Result<BulkDiscovered>> => {
  const pacer = createPacer({ sleep: deps.sleep, now: () => deps.clock.now(), concurrency: 1 });
  const opened = await openInstance(target, deps, pacer, 1);
  if (!opened.ok) return opened;
  const scrub = await targetScrubber(deps.secrets, target);
  const checks = scrub.deep(opened.value.checks);
  const calls = opened.value.calls;
  if (calls === null) return instanceFailure(target, checks);
  const wanted = new Set(req.projects);
  const found: FoundRepository[] = [];
  let pages = 0;
  let truncated = false;
  const lists = calls.listsPerProject && wanted.size > 0 ? [...wanted] : [undefined];
  try {
    for (const project of lists) {
      const r = await calls.list(project, DISCOVERY_MAX_PAGES);
      if (!r.ok) return fail(r.failure.code, scrub.text(r.failure.message), { pages });
      pages += r.value.pages;
      truncated ||= r.value.truncated;
      found.push(...r.value.items);
    }
  } finally {
    await opened.value.close();
  }
  const match = req.match === undefined ? () => true : matcherOf([req.match]);
  const excluded = matcherOf(req.exclude);
  const seen = new Set<string>();
  const repositories: BulkRepository[] = [];
  for (const f of found) {
    if (wanted.size > 0 && !wanted.has(f.project)) continue;
    if (!match(f.project, f.slug) || seen.has(repoKey(f))) continue;
    seen.add(repoKey(f));
    repositories.push({ project: f.project, slug: f.slug, ...(f.name === undefined ? {} : { name: f.name }), excluded: excluded(f.project, f.slug) });
    if (repositories.length >= BULK_MAX_REPOSITORIES) {
      truncated = true;
      break;
    }
  }
  const plan = BulkPlan.parse({
    plan_version: BULK_PLAN_VERSION,
    instance: instanceOf(target),
    instance_checks: checks,
    routes: req.routes ?? defaultRoutes(target),
    route_checks: [],
    discovered_at: deps.clock.now().toISOString(),
    repositories,
  });
  return ok({ plan, pages, seen: found.length, truncated });
};
