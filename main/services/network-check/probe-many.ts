import pLimit from 'p-limit';
import type { SafeClientOptions } from '../net/safe-http-client';
import { probeDataCenter, type ProbeResult } from './probe';

// Many Data Center targets at once (an admin checking every repository's host from the VPN).
// Probes run with bounded concurrency; the same base URL is probed once and its result shared.

/**
 * How many probes run at once unless the caller says otherwise. 100 targets go in two waves: with
 * 32 they took four, so even a network that costs only latency could not get under 3x one target
 * (docs/performance.md). Repositories on one Data Center share a base URL and cost one probe.
 */
export const DEFAULT_PROBE_CONCURRENCY = 50;

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
