import type { StageReport } from '../../../shared/contract/progress';
import type { NetworkStage, ProgressCheck, ProgressState } from '../../../shared/contract/progress-stages';

// A long call's line back to its caller, as the services see it: the caller's cancel signal and
// the stage reports (the api's door adds the call id, the method and the elapsed time). A call
// made without a call id has none, and every report below is then a no-op.

/** What a cancelled call answers (with CHECK_CANCELLED). */
export const CANCELLED_MESSAGE = 'The check was cancelled: its connections were closed and nothing it saw was stored.';

export interface CallProgress {
  /** Aborted when the caller cancels: every network wait of the call stops on it. */
  readonly signal: AbortSignal;
  readonly report: (e: StageReport) => void;
}

/** The same call, its network stages marked as part of one provider check. */
export const withinCheck = (call: CallProgress | undefined, check: ProgressCheck): CallProgress | undefined =>
  call === undefined ? undefined : { signal: call.signal, report: (e) => call.report({ ...e, within: e.within ?? check }) };

/**
 * One provider check of a run as a stage of its own: started, then passed or failed by `failed`
 * of what it answered (cancelled when the caller stopped the call meanwhile).
 */
export const asCheckStage = async <T>(call: CallProgress | undefined, check: ProgressCheck, failed: (value: T) => boolean, run: (call: CallProgress | undefined) => Promise<T>): Promise<T> => {
  const report = (state: ProgressState): void => call?.report({ stage: check, state, limit_ms: null, total_limit_ms: null });
  report('started');
  const value = await run(withinCheck(call, check));
  report(call?.signal.aborted === true ? 'cancelled' : failed(value) ? 'failed' : 'passed');
  return value;
};

/** The running stage of one network exchange: entering a stage ends the one before it as passed. */
export interface StageTracker {
  readonly enter: (stage: NetworkStage, limitMs: number) => void;
  /** Ends the running stage, if any: passed, failed, or cancelled when the caller stopped the call. */
  readonly end: (ok: boolean) => void;
}

export const stageTracker = (call: CallProgress | undefined, totalLimitMs: number): StageTracker => {
  let current: { stage: NetworkStage; limitMs: number } | null = null;
  const close = (state: ProgressState): void => {
    if (current === null) return;
    call?.report({ stage: current.stage, state, limit_ms: current.limitMs, total_limit_ms: totalLimitMs });
    current = null;
  };
  return {
    enter: (stage, limitMs) => {
      if (current?.stage === stage) return;
      close('passed');
      current = { stage, limitMs };
      call?.report({ stage, state: 'started', limit_ms: limitMs, total_limit_ms: totalLimitMs });
    },
    end: (ok) => close(ok ? 'passed' : call?.signal.aborted === true ? 'cancelled' : 'failed'),
  };
};

/** The network of one long call: every exchange and DNS wait made through it honours the call. */
export const networkOfCall = <N extends { readonly call?: CallProgress }>(network: N, call: CallProgress | undefined): N => (call === undefined ? network : { ...network, call });

/** A sleep (the Retry-After waits) that ends early when the call is cancelled. */
export const cancellableSleep =
  (sleep: (ms: number) => Promise<void>, call: CallProgress | undefined) =>
  (ms: number): Promise<void> => {
    const signal = call?.signal;
    if (signal === undefined) return sleep(ms);
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      signal.addEventListener('abort', done, { once: true });
      void sleep(ms).then(done);
    });
  };

/** A provider check's stage failed when one of its findings did. */
export const findingsFailed = (r: { readonly findings: readonly { readonly verdict: string }[] } | undefined): boolean => r?.findings.some((f) => f.verdict === 'fail') === true;

/** True when the caller stopped the call: nothing of it may be stored then. */
export const isCancelled = (call: CallProgress | undefined): boolean => call?.signal.aborted === true;
