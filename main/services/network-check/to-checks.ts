import type { NetworkCheck, RateLimitCheck, UrlSafetyCheck } from '../../../shared/domain/checks';
import { rateLimitFailure, rateLimitRecord } from '../net/rate-limit';
import type { ProbeResult, ProbeRun } from './probe';
import type { UrlVerdict } from '../url-safety/verdict';

// The one builder of the check records a saved target keeps (and readiness reads): the wizard's
// check and "Test connection" both store what these return, so they cannot disagree.

export const toUrlSafetyCheck = (v: UrlVerdict, checkedAt: string): UrlSafetyCheck => ({
  status: v.verdict === 'allow' ? 'passed' : 'blocked',
  ...(v.reason === null ? {} : { reason: v.reason }),
  ...(v.detail === null ? {} : { detail: v.detail }),
  ...(v.normalized === null ? {} : { normalized: v.normalized }),
  addresses: [...v.addresses],
  checked_at: checkedAt,
});

export const toNetworkCheck = (p: ProbeResult, checkedAt: string): NetworkCheck => ({
  status: p.verdict === 'allow' ? 'reached' : 'failed',
  ...(p.reason === null ? {} : { reason: p.reason }),
  ...(p.detail === null ? {} : { detail: p.detail }),
  ...(p.tls === null ? {} : { tls: p.tls }),
  redirects: [...p.redirects],
  ...(p.api_root === null ? {} : { api_root: p.api_root }),
  via_proxy: p.via_proxy,
  ...(p.proxy === null ? {} : { proxy: p.proxy }),
  ...(p.resolved_by_proxy ? { resolved_by_proxy: true } : {}),
  ...(p.local_address === null ? {} : { local_address: p.local_address }),
  ...(p.tls_version === null ? {} : { tls_version: p.tls_version }),
  timings_ms: { ...p.timings_ms },
  checked_at: checkedAt,
});

/** What one network check of a saved target stores: the URL verdict, and the probe when one ran. */
export interface TargetNetworkChecks {
  readonly url_safety: UrlSafetyCheck;
  /** Absent when stages 1–4 blocked the base URL (nothing was sent), no probe may run yet, or the API root answered 429. */
  readonly network?: NetworkCheck;
  /** The API root answered 429 (after the retry rule): pending, never a failed network check. */
  readonly rate_limit?: RateLimitCheck;
  readonly probe?: ProbeResult;
}

/**
 * A probe's records: url_safety from its stages 1–4, network when those passed and a call was
 * made; a 429 from the API root is the rate-limit record instead (it says nothing about the host).
 */
export const toTargetChecks = (run: ProbeRun, checkedAt: string): TargetNetworkChecks => {
  const url_safety = toUrlSafetyCheck(run.checked, checkedAt);
  if (run.checked.verdict === 'allow' && run.answer?.status === 429) {
    const at = new Date(checkedAt);
    return { url_safety, rate_limit: rateLimitRecord('bitbucket_data_center', rateLimitFailure(run.answer, 'the API root', at), at), probe: run.probe };
  }
  return { url_safety, ...(run.checked.verdict === 'allow' ? { network: toNetworkCheck(run.probe, checkedAt) } : {}), probe: run.probe };
};
