import type { Clock } from '../../clock/clock';
import type { HttpClient, HttpOutcome, HttpRequest } from '../../net/http-client';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicy {
  readonly sleep: Sleep;
  readonly clock: Clock;
  /** The longest wait the app accepts before retrying once; longer asks are capped. */
  readonly maxWaitMs: number;
}

export const DEFAULT_MAX_RETRY_WAIT_MS = 10_000;

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export const retryAfterSeconds = (value: string | undefined, now: Date): number | undefined => {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  // An HTTP date names its weekday or month; anything else ("-5", "soon") is unreadable.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
};

/**
 * One request with the 429 rule: wait as Retry-After says (bounded by maxWaitMs; 1 s when the
 * header is missing) and retry once. A second 429 is returned to the caller, which reports it as
 * PROVIDER_RATE_LIMITED.
 */
export const requestWithRetry = async (http: HttpClient, request: HttpRequest, policy: RetryPolicy): Promise<HttpOutcome> => {
  const first = await http(request);
  if (!first.ok || first.response.status !== 429) return first;
  const seconds = retryAfterSeconds(first.response.headers['retry-after'], policy.clock.now()) ?? 1;
  await policy.sleep(Math.min(seconds * 1000, policy.maxWaitMs));
  return http(request);
};
