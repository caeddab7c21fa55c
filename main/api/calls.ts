import { fail, type Result } from '../../shared/contract/define';
import type { ProgressMethod } from '../../shared/contract/method-names';
import { CALL_ID_RULE, CallId, ProgressEvent, type StageReport } from '../../shared/contract/progress';
import { CANCELLED_MESSAGE, type CallProgress } from '../services/progress/call-progress';
import { stopwatch } from '../services/url-safety/verdict';

// The running long calls of one api. A transport hands each call the caller's identity (`owner`:
// this window, this browser session, this CLI run), the caller's call id and where the caller
// hears progress; the registry gives the call an AbortController that only the same owner can
// abort (`calls.cancel`), and stamps each stage report into a ProgressEvent.

/** Who a call came from, as its transport knows it. */
export interface CallOrigin {
  /** The caller (a webContents, a browser session, the CLI): only it may cancel the call. */
  readonly owner: string;
  /** The caller's name for this call (CallOptions.call_id); without it a call has no progress and no cancel. */
  readonly call_id?: string;
  /** Where the caller hears the call's progress events. */
  readonly progress?: (event: ProgressEvent) => void;
}

/** What a handler gets beside its input: the caller, and for a named long call its progress line. */
export interface CallContext {
  readonly owner: string;
  readonly call?: CallProgress;
}

const keyOf = (owner: string, id: string): string => `${owner}\u0000${id}`;

export interface CallRegistry {
  /**
   * Runs `handle` as the named call `origin.call_id` of `method`. REQUEST_INVALID for a malformed
   * id or one of this owner's calls still running; CHECK_CANCELLED when it was cancelled.
   */
  readonly run: (method: ProgressMethod, origin: CallOrigin & { readonly call_id: string }, handle: (ctx: CallContext) => Promise<Result<unknown>>) => Promise<Result<unknown>>;
  /** Aborts `owner`'s running call `id`; false when there is none. */
  readonly cancel: (owner: string, id: string) => boolean;
}

export const createCallRegistry = (): CallRegistry => {
  const running = new Map<string, AbortController>();
  return {
    run: async (method, origin, handle) => {
      const id = CallId.safeParse(origin.call_id);
      if (!id.success) return fail('REQUEST_INVALID', `The call id must be ${CALL_ID_RULE}.`);
      const key = keyOf(origin.owner, id.data);
      if (running.has(key)) return fail('REQUEST_INVALID', 'A call with this id is still running.');
      const abort = new AbortController();
      running.set(key, abort);
      const elapsed = stopwatch();
      let last: StageReport | null = null;
      let toldCancelled = false;
      const report = (e: StageReport): void => {
        if (e.state === 'started') last = e;
        if (e.state === 'cancelled') toldCancelled = true;
        // Parsed on the way out as well: the wire shape is the contract's, whatever a service built.
        const event = ProgressEvent.safeParse({ ...e, call_id: id.data, method, elapsed_ms: Math.round(elapsed()) });
        if (event.success) origin.progress?.(event.data);
      };
      try {
        const result = await handle({ owner: origin.owner, call: { signal: abort.signal, report } });
        if (!abort.signal.aborted) return result;
        // The caller hears the stage it stopped, once (a service may have said so already).
        const stopped = last as StageReport | null;
        if (stopped !== null && !toldCancelled) report({ ...stopped, state: 'cancelled' });
        return fail('CHECK_CANCELLED', CANCELLED_MESSAGE);
      } finally {
        running.delete(key);
      }
    },
    cancel: (owner, id) => {
      const abort = running.get(keyOf(owner, id));
      if (abort === undefined) return false;
      abort.abort();
      return true;
    },
  };
};
