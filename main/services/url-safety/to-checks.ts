import type { NetworkCheck, UrlSafetyCheck } from '../../../shared/domain/checks';
import type { ProbeResult } from './probe';
import type { UrlVerdict } from './verdict';

// The engine's verdicts as the check records a saved target keeps (and readiness reads).

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
  ...(p.local_address === null ? {} : { local_address: p.local_address }),
  ...(p.tls_version === null ? {} : { tls_version: p.tls_version }),
  timings_ms: { ...p.timings_ms },
  checked_at: checkedAt,
});
