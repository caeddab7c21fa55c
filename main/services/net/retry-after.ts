import type { Clock } from '../clock/clock';
import type { HttpClient, HttpOutcome, HttpRequest, HttpResponse } from './http-client';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicy {
  readonly sleep: Sleep;
  readonly clock: Clock;
  /**
   * The longest the app waits in one call, all retries together. A Retry-After within it is
   * honoured in full; one beyond it is not waited for at all: the 429 goes back to the caller,
   * which reports "retry after HH:MM".
   */
  readonly maxWaitMs: number;
}

/** Two minutes: long enough for Data Center's token bucket to refill, short enough to sit through. */
export const DEFAULT_MAX_RETRY_WAIT_MS = 120_000;

/** Retries after a 429, at most; each one waits as asked (or backs off) first. */
export const MAX_RATE_LIMIT_RETRIES = 3;

/** Without Retry-After (Bitbucket Cloud usually sends none) the waits are 2 s, 4 s, 8 s: back off, don't hammer. */
export const BACKOFF_FIRST_MS = 2_000;

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
 * The 429 rule around any attempt whose answer may be a 429 (`answerOf` finds the HTTP answer).
 * Retry-After (seconds or HTTP date) is honoured in full while the waits stay within `maxWaitMs`;
 * a longer ask is returned at once, unwaited. Without Retry-After the waits double from 2 s. At
 * most three retries. The last 429 goes back to the caller, which reports PROVIDER_RATE_LIMITED
 * with the provider's headers.
 */
export const retryOn429 = async <T>(attempt: () => Promise<T>, answerOf: (t: T) => HttpResponse | undefined, policy: RetryPolicy): Promise<T> => {
  let outcome = await attempt();
  let waited = 0;
  for (let retry = 0; retry < MAX_RATE_LIMIT_RETRIES; retry += 1) {
    const answer = answerOf(outcome);
    if (answer === undefined || answer.status !== 429) return outcome;
    const asked = retryAfterSeconds(answer.headers['retry-after'], policy.clock.now());
    const waitMs = asked === undefined ? BACKOFF_FIRST_MS * 2 ** retry : asked * 1000;
    if (waited + waitMs > policy.maxWaitMs) return outcome;
    await policy.sleep(waitMs);
    waited += waitMs;
    outcome = await attempt();
  }
  return outcome;
};

/** One request with the 429 rule (retryOn429). */
export const requestWithRetry = (http: HttpClient, request: HttpRequest, policy: RetryPolicy): Promise<HttpOutcome> =>
  retryOn429(() => http(request), (o) => (o.ok ? o.response : undefined), policy);
