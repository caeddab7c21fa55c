import { z } from 'zod';
import { BUNDLE_MAX_EXPIRY_DAYS } from '../domain/bundle';
import { BulkPlan, BulkResult, BulkRoutes, RouteCheck } from '../domain/bulk-plan';
import { CheckResults } from '../domain/checks';
import { TargetId } from '../domain/target';
import { AppError } from '../errors/codes';
import { BundleExportResult } from './bundle';
import { method } from './define';

// Bulk onboarding (docs/bulk-onboarding.md): discover the repositories of one instance, check each
// in a background job the caller polls (count, rate, ETA, the results so far), export one bundle.

/** A name pattern: `*` any run of characters, `?` one; matched against `slug` and `PROJECT/slug`. */
export const BulkGlob = z.string().trim().min(1).max(200);

export const BulkDiscoverInput = z.strictObject({
  /** A saved target whose instance steps are done (Data Center base URL, allowlist, CA, credential; Cloud workspace, credential). */
  target_id: TargetId,
  /** Only these projects (Data Center: `/projects/{key}/repos`; Cloud: the repository's project key). */
  projects: z.array(z.string().trim().min(1).max(128)).max(500).default([]),
  match: BulkGlob.optional(),
  /** Left in the plan but marked excluded: patterns as for `match`. */
  exclude: z.array(BulkGlob).max(10_000).default([]),
  /** Route rules; absent, the default comes from the target's issue workflow. */
  routes: BulkRoutes.optional(),
});

export const BulkDiscovered = z.object({
  plan: BulkPlan,
  /** Pages read (each once). */
  pages: z.number().int().min(0),
  /** Repositories the credential can see, before filters. */
  seen: z.number().int().min(0),
  /** The listing hit the page cap: more repositories exist than were read. */
  truncated: z.boolean(),
});
export type BulkDiscovered = z.infer<typeof BulkDiscovered>;

export const BULK_MAX_CONCURRENCY = 64;
export const BULK_DEFAULT_CONCURRENCY = 8;

export const BulkCheckStart = z.strictObject({
  target_id: TargetId,
  plan: BulkPlan,
  concurrency: z.number().int().min(1).max(BULK_MAX_CONCURRENCY).default(BULK_DEFAULT_CONCURRENCY),
});

export const BulkJobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const BulkJobState = z.enum(['running', 'done', 'cancelled', 'failed']);
export type BulkJobState = z.infer<typeof BulkJobState>;

/** One repository's result, by its index in the plan's `repositories`. */
export const BulkIndexedResult = z.object({ index: z.number().int().min(0), result: BulkResult });
export type BulkIndexedResult = z.infer<typeof BulkIndexedResult>;

export const BulkProgress = z.object({
  job_id: BulkJobId,
  state: BulkJobState,
  /** Included repositories in the plan. */
  total: z.number().int().min(0),
  /** How many this run set out to check (the rest were already done). */
  to_check: z.number().int().min(0),
  /** How many of those have a result now. */
  checked: z.number().int().min(0),
  rate_per_s: z.number().min(0),
  /** Seconds left at the current rate; null before the first result. */
  eta_s: z.number().min(0).nullable(),
  /** The provider asked the run to wait (429, or the rate-limit headroom ran low). */
  slowed: z.boolean(),
  /** Results after `cursor`; pass `next_cursor` next time. */
  results: z.array(BulkIndexedResult),
  next_cursor: z.number().int().min(0),
  instance_checks: CheckResults,
  route_checks: z.array(RouteCheck),
  /** Why a failed job stopped (the instance check, a missing credential). */
  error: AppError.optional(),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

/** A plan with a poll's results merged in by index (the CLI and the UI keep the plan; the job only answers results). */
export const mergeProgress = (plan: BulkPlan, p: BulkProgress): BulkPlan => {
  const repositories = [...plan.repositories];
  for (const { index, result } of p.results) {
    const repo = repositories[index];
    if (repo !== undefined) repositories[index] = { ...repo, result };
  }
  return { ...plan, repositories, instance_checks: p.instance_checks, route_checks: p.route_checks.length > 0 ? p.route_checks : plan.route_checks };
};

/** Seconds as people read a time left: `40 s`, `3 min`. */
export const durationText = (s: number): string => (s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);

export const bulkMethods = {
  'bulk.discover': method(
    BulkDiscoverInput,
    BulkDiscovered,
    "List every repository a saved target's credential can see (paged), filter it, and answer a plan.",
  ),
  'bulk.checkStart': method(
    BulkCheckStart,
    z.object({ job_id: BulkJobId, total: z.number().int().min(0), to_check: z.number().int().min(0) }),
    'Start checking the repositories of a plan that are not done yet (bounded concurrency, rate-limit aware).',
  ),
  'bulk.checkProgress': method(
    z.strictObject({ job_id: BulkJobId, cursor: z.number().int().min(0).default(0) }),
    BulkProgress,
    'The progress of a bulk check: count, rate, ETA, and the results since the cursor.',
  ),
  'bulk.checkCancel': method(
    z.strictObject({ job_id: BulkJobId }),
    z.object({ cancelled: z.boolean() }),
    'Stop a bulk check; the results so far stay, and a re-run checks only the rest.',
  ),
  'bulk.export': method(
    z.strictObject({ plan: BulkPlan, expires_in_days: z.number().int().min(1).max(BUNDLE_MAX_EXPIRY_DAYS).optional() }),
    BundleExportResult,
    'Sign a checked plan (instance target, repositories, routes, verdicts) into one version 2 bundle.',
  ),
};
