import { z } from 'zod';
import { PROGRESS_METHODS } from './method-names';
import { PROGRESS_CHECKS, PROGRESS_STAGES, PROGRESS_STATES } from './progress-stages';

// One progress event of a long call, as every transport carries it (IPC in the desktop app,
// server-sent events in browser mode, in process for the CLI). Every field is the app's own: a
// stage id, a state, times and limits; never a secret, never a string a server sent.

/** What a caller names a call with: 8–64 letters, digits, `-` or `_` (a UUID fits). */
export const CallId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/u);
/** The rule above in words, for the refusals of a malformed id (the api's door, the HTTP header). */
export const CALL_ID_RULE = '8–64 letters, digits, "-" or "_"';
export type CallId = z.infer<typeof CallId>;

/** The transport-level options of one call (the method's input stays as its schema says). */
export const CallOptionsSchema = z.strictObject({ call_id: CallId.optional() });

export const ProgressEvent = z.strictObject({
  call_id: CallId,
  method: z.enum(PROGRESS_METHODS),
  stage: z.enum(PROGRESS_STAGES),
  state: z.enum(PROGRESS_STATES),
  /** The provider check a network stage belongs to (checks.run, jira.check). */
  within: z.enum(PROGRESS_CHECKS).optional(),
  /** Since the call started. */
  elapsed_ms: z.number().int().nonnegative(),
  /** The stage's own deadline (the network limits: connect, headers, overall); null when it has none of its own. */
  limit_ms: z.number().int().positive().nullable(),
  /** The deadline of the whole exchange this stage is part of (the overall limit); null when the run has none. */
  total_limit_ms: z.number().int().positive().nullable(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

/** What a service reports; the call's door adds the call id, the method and the elapsed time. */
export type StageReport = Omit<ProgressEvent, 'call_id' | 'method' | 'elapsed_ms'>;
