import { z } from 'zod';
import { ErrorCode } from '../errors/codes';
import { BulkResult, BulkRoute, BulkRoutes, BulkVerdict, RouteCheck, type BulkRepository, type VerdictTotals } from './bulk-plan';
import { CheckResults } from './checks';
import { evaluateInstanceReadiness } from './instance-readiness';
import type { TargetConfig as Target } from './target';
import type { CheckResults as Checks } from './checks';

// Format version 2 of the signed bundle (docs/bundle-format.md): one instance target, checked once,
// and the list of its repositories, each with its route and verdict. The envelope, the signature
// and the key are those of version 1; only the payload differs.

/** DSSE payload type of a version 2 payload (the type is signed with the payload). */
export const BULK_BUNDLE_PAYLOAD_TYPE = 'application/vnd.webriskops.bitbucket-target.v2+json';
export const BULK_BUNDLE_FORMAT_VERSION = 2;

/** One repository as the bundle carries it: its effective route and its verdict. */
export const BundleRepository = z.strictObject({
  project: z.string().min(1).max(128),
  slug: z.string().min(1).max(128),
  name: z.string().max(255).optional(),
  route: BulkRoute,
  verdict: BulkVerdict,
  code: ErrorCode.optional(),
  detail: BulkResult.shape.detail,
  checked_at: BulkResult.shape.checked_at,
});
export type BundleRepository = z.infer<typeof BundleRepository>;

export const VerdictTotalsSchema = z.strictObject(
  Object.fromEntries([...BulkVerdict.options, 'unchecked'].map((v) => [v, z.number().int().min(0)])) as Record<keyof VerdictTotals, z.ZodNumber>,
);

/** Instance readiness: what the instance-level checks say, and why not when they do not pass. */
export const BulkReadiness = z.strictObject({
  verdict: z.enum(['ready', 'blocked', 'incomplete']),
  blocking: z.array(ErrorCode),
  pending: z.array(z.string()),
});
export type BulkReadiness = z.infer<typeof BulkReadiness>;

/** The most repositories one bundle carries (the 5 MiB file limit holds ~15,000 of them). */
export const BUNDLE_MAX_REPOSITORIES = 12_000;

/** The `payload` fields of version 2 alone; bundle.ts adds those shared with version 1 (bundle id, times, app, key, target). */
export const bulkPayloadFields = {
  /** The instance-level checks (URL safety, network, credential, workspace), each with its time. */
  checks: CheckResults,
  routes: BulkRoutes,
  /** Each distinct Jira project and issue type of the routes, validated once. */
  route_checks: z.array(RouteCheck),
  repositories: z.array(BundleRepository).min(1).max(BUNDLE_MAX_REPOSITORIES),
  /** How many repositories carry each verdict; the verifier counts again and refuses a mismatch. */
  totals: VerdictTotalsSchema,
  readiness: BulkReadiness,
};

/** The bundle's own readiness: the instance ready, every repository with a finished verdict, at least one ready. */
export const evaluateBulkReadiness = (target: Target, checks: Checks, repositories: readonly Pick<BulkRepository, 'excluded' | 'result'>[]): BulkReadiness => {
  const instance = evaluateInstanceReadiness(target, checks);
  if (instance.verdict !== 'ready') return instance;
  const included = repositories.filter((r) => !r.excluded);
  const unfinished = included.filter((r) => r.result === undefined || r.result.verdict === 'rate_limited' || r.result.verdict === 'error').length;
  const pending: string[] = [];
  if (included.length === 0) pending.push('Include at least one repository.');
  if (unfinished > 0) pending.push(`${unfinished} repositor${unfinished === 1 ? 'y has' : 'ies have'} no finished check: run bulk check again.`);
  else if (included.length > 0 && !included.some((r) => r.result?.verdict === 'ready')) pending.push('No repository is ready.');
  return { verdict: pending.length > 0 ? 'incomplete' : 'ready', blocking: [], pending };
};
