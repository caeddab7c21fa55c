import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/contract/define';
import type { BulkIndexedResult, BulkJobState, BulkProgress } from '../../../shared/contract/bulk';
import { needsCheck, routeOf, type BulkPlan, type BulkResult, type RouteCheck } from '../../../shared/domain/bulk-plan';
import type { CheckResults } from '../../../shared/domain/checks';
import type { TargetConfig } from '../../../shared/domain/target';
import type { AppError } from '../../../shared/errors/codes';
import { targetScrubber } from '../scrub/target-secrets';
import { instanceFailure } from './discover';
import { openInstance, type BulkDeps } from './instance';
import { createPacer, type Pacer } from './pacer';
import { routeBlocked, validateRoutes } from './routes';

// A bulk check runs in the background of the process that holds the api; callers poll it
// (bulk.checkProgress) for the count, rate, ETA and the results since their cursor, and write each
// result where they keep the plan as it comes, so an interrupted run loses nothing and a re-run
// checks only the rows without a finished verdict. Cancelling stops new requests; the ones in
// flight finish and are reported.

/** A row that met a 429 the client could not wait out goes back in the queue this many times. */
const REQUEUES = 3;
/** Finished jobs kept for a late poll. */
const KEEP_FINISHED = 8;

interface Job {
  readonly id: string;
  state: BulkJobState;
  readonly total: number;
  readonly toCheck: number;
  readonly results: BulkIndexedResult[];
  instanceChecks: CheckResults;
  routeChecks: RouteCheck[];
  error?: AppError;
  readonly startedMs: number;
  readonly abort: AbortController;
  pacer?: Pacer;
}

export interface BulkJobs {
  readonly start: (deps: BulkDeps, target: TargetConfig, plan: BulkPlan, concurrency: number) => Result<{ job_id: string; total: number; to_check: number }>;
  readonly progress: (id: string, cursor: number) => Result<BulkProgress>;
  readonly cancel: (id: string) => Result<{ cancelled: boolean }>;
}

const run = async (job: Job, deps: BulkDeps, target: TargetConfig, plan: BulkPlan, concurrency: number): Promise<void> => {
  const pacer = createPacer({ sleep: deps.sleep, now: () => deps.clock.now(), concurrency, signal: job.abort.signal });
  job.pacer = pacer;
  const scrub = await targetScrubber(deps.secrets, target);
  const opened = await openInstance(target, deps, pacer, concurrency);
  if (!opened.ok) {
    job.state = 'failed';
    job.error = { ...opened.error, message: scrub.text(opened.error.message) };
    return;
  }
  job.instanceChecks = scrub.deep(opened.value.checks);
  const calls = opened.value.calls;
  if (calls === null) {
    const why = instanceFailure(target, job.instanceChecks);
    job.state = 'failed';
    if (!why.ok) job.error = why.error;
    return;
  }
  job.routeChecks = await validateRoutes(deps, target, plan);
  const queue: number[] = plan.repositories.flatMap((r, i) => (needsCheck(r) ? [i] : []));
  const requeued = new Map<number, number>();
  const judge = (index: number, result: BulkResult): BulkResult => {
    if (result.verdict !== 'ready') return result;
    const repo = plan.repositories[index];
    const route = repo === undefined ? undefined : routeOf(plan.routes, repo);
    const blocked = route?.workflow === 'jira' ? routeBlocked(job.routeChecks, route.project_key, route.issue_type) : undefined;
    if (blocked === undefined) return result;
    return { ...result, verdict: 'route_invalid', code: blocked.code ?? 'JIRA_HANDOFF_UNAVAILABLE', detail: `Found, but its route ${blocked.project_key}/${blocked.issue_type} did not pass the Jira check: ${blocked.detail ?? ''}`.slice(0, 600) };
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      if (job.abort.signal.aborted) return;
      const index = queue.shift();
      if (index === undefined) return;
      const repo = plan.repositories[index];
      if (repo === undefined) continue;
      const result = await calls.check(repo.project, repo.slug);
      const again = requeued.get(index) ?? 0;
      if (result.verdict === 'rate_limited' && again < REQUEUES && !job.abort.signal.aborted) {
        requeued.set(index, again + 1);
        queue.push(index);
        continue;
      }
      job.results.push({ index, result: { ...judge(index, result), detail: scrub.text(result.detail).slice(0, 600) } });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    await opened.value.close();
  }
  job.state = job.abort.signal.aborted ? 'cancelled' : 'done';
};

export const createBulkJobs = (): BulkJobs => {
  const jobs = new Map<string, Job>();
  const forgetOld = (): void => {
    const finished = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(j.id);
  };
  return {
    start: (deps, target, plan, concurrency) => {
      forgetOld();
      const total = plan.repositories.filter((r) => !r.excluded).length;
      const toCheck = plan.repositories.filter(needsCheck).length;
      const job: Job = { id: randomUUID(), state: 'running', total, toCheck, results: [], instanceChecks: {}, routeChecks: [], startedMs: performance.now(), abort: new AbortController() };
      jobs.set(job.id, job);
      void run(job, deps, target, plan, concurrency).catch(() => {
        job.state = 'failed';
        job.error = { code: 'INTERNAL_ERROR', message: 'The bulk check stopped unexpectedly.' };
      });
      return ok({ job_id: job.id, total, to_check: toCheck });
    },
    progress: (id, cursor) => {
      const job = jobs.get(id);
      if (job === undefined) return fail('REQUEST_INVALID', 'No bulk check has this id (it finished long ago, or ran in another process).');
      const checked = job.results.length;
      const seconds = (performance.now() - job.startedMs) / 1000;
      const rate = seconds > 0 ? checked / seconds : 0;
      const left = job.toCheck - checked;
      return ok({
        job_id: job.id,
        state: job.state,
        total: job.total,
        to_check: job.toCheck,
        checked,
        rate_per_s: Number(rate.toFixed(2)),
        eta_s: checked === 0 || rate === 0 ? null : Math.ceil(left / rate),
        slowed: job.pacer?.state().slowed ?? false,
        results: job.results.slice(cursor),
        next_cursor: checked,
        instance_checks: job.instanceChecks,
        route_checks: job.routeChecks,
        ...(job.error === undefined ? {} : { error: job.error }),
      });
    },
    cancel: (id) => {
      const job = jobs.get(id);
      if (job === undefined) return fail('REQUEST_INVALID', 'No bulk check has this id.');
      const running = job.state === 'running';
      job.abort.abort();
      return ok({ cancelled: running });
    },
  };
};
