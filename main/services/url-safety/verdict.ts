import type { AddressEvidence, BlockReason } from '../../../shared/domain/checks';

// The value every check answers: a verdict, the failing reason, and per-stage evidence with
// timings, so the wizard can show one row per stage and the CLI one line per input.

export type Verdict = 'allow' | 'block' | 'invalid';

export const STAGE_NAMES = ['syntax', 'dns', 'addresses', 'policy', 'connection', 'tls', 'redirects', 'api_root'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface StageReport {
  readonly stage: StageName;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly ms: number;
  readonly detail?: string;
}

export interface UrlVerdict {
  readonly input: string;
  readonly verdict: Verdict;
  readonly code: 'PROVIDER_BASE_URL_BLOCKED' | null;
  readonly reason: BlockReason | null;
  readonly detail: string | null;
  readonly normalized: string | null;
  readonly addresses: readonly AddressEvidence[];
  /** True when DNS was not consulted (offline mode): an allowed name is allowed pending DNS. */
  readonly offline: boolean;
  readonly stages: readonly StageReport[];
}

/** A small stopwatch for stage timings (monotonic, rounded to 0.01 ms). */
export const stopwatch = (): (() => number) => {
  const start = performance.now();
  return () => Math.round((performance.now() - start) * 100) / 100;
};
