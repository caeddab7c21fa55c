import type { UrlCheckResult, UrlStageName, UrlStageReport } from '../../../shared/contract/url-safety';

// The value every check answers is the contract's own shape (shared/contract/url-safety.ts): a
// verdict, the failing reason, and per-stage evidence with timings, so the wizard shows one row
// per stage and the CLI one line per input. No second shape exists to map to.

export type StageName = UrlStageName;
export type StageReport = UrlStageReport;
export type UrlVerdict = UrlCheckResult;
export type Verdict = UrlVerdict['verdict'];

/** A small stopwatch for stage timings (monotonic, rounded to 0.01 ms). */
export const stopwatch = (): (() => number) => {
  const start = performance.now();
  return () => Math.round((performance.now() - start) * 100) / 100;
};
