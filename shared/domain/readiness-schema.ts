import { z } from 'zod';
import { ErrorCode } from '../errors/codes';
import { RateLimitCheck } from './checks';

// The wire shape of readiness (the record, the bundle). The rules that compute it are in
// readiness.ts, which needs only these types.

export const ReadyStateId = z.enum(['cloud_issue_target', 'data_center_boundary', 'issue_workflow', 'network', 'fallback']);
export type ReadyStateId = z.infer<typeof ReadyStateId>;

export const ReadyState = z.object({
  id: ReadyStateId,
  label: z.string(),
  /** Not every state applies to every target (Cloud has no Data Center boundary). */
  applicable: z.boolean(),
  ready: z.boolean(),
  reason: z.string(),
});
export type ReadyState = z.infer<typeof ReadyState>;

export const Readiness = z.object({
  states: z.array(ReadyState),
  blocking: z.array(ErrorCode),
  /** Steps not done yet that block nothing by a code but still keep the target from being ready. */
  pending: z.array(z.string()),
  /** A provider answered 429: a state of its own, pending (never an auth failure), with when to retry. */
  rate_limited: z.array(RateLimitCheck).optional(),
  can_save: z.boolean(),
  can_export: z.boolean(),
  verdict: z.enum(['ready', 'blocked', 'incomplete']),
});
export type Readiness = z.infer<typeof Readiness>;
