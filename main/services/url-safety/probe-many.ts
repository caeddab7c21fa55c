import pLimit from 'p-limit';
import type { SafeClientOptions } from '../net/safe-http-client';
import { probeDataCenter, type ProbeResult } from './probe';

// Many Data Center targets at once (an admin checking every repository's host from the VPN).
// Probes run with bounded concurrency; the same base URL is probed once and its result shared.

/** How many probes run at once unless the caller says otherwise (docs/performance.md). */
export const DEFAULT_PROBE_CONCURRENCY = 32;

/** One result per input, in input order. */
export const probeMany = async (
  baseUrls: readonly string[],
  options: SafeClientOptions,
  concurrency: number = DEFAULT_PROBE_CONCURRENCY,
): Promise<ProbeResult[]> => {
  const limit = pLimit(Math.max(1, Math.floor(concurrency)));
  const once = new Map<string, Promise<ProbeResult>>();
  const probe = (url: string): Promise<ProbeResult> => {
    let pending = once.get(url);
    if (pending === undefined) {
      pending = limit(() => probeDataCenter(url, options));
      once.set(url, pending);
    }
    return pending;
  };
  return Promise.all(baseUrls.map(probe));
};
