import type { HttpClient } from '../net/http-client';
import { retryAfterSeconds, type Sleep } from '../net/retry-after';

// One pace for every request of a bulk run, shared by all its workers:
// - a 429 with Retry-After holds every worker until the wait is over (not only the one that met it);
// - the headroom headers slow the run before the limit: Data Center's token bucket sends
//   X-RateLimit-Remaining, -FillRate and -Interval-Seconds
//   (https://confluence.atlassian.com/bitbucketserver086/improving-instance-stability-with-rate-limiting-1188783544.html),
//   Bitbucket Cloud sends X-RateLimit-Limit (per hour) and X-RateLimit-NearLimit
//   (https://support.atlassian.com/bitbucket-cloud/docs/api-request-limits/). When the bucket runs
//   low, requests are spaced at the refill rate, so the run never drains it into 429s.
// The retry itself stays with the provider client (requestWithRetry in net/retry-after.ts).

export interface PacerState {
  /** A 429 wait or headroom spacing is in force. */
  readonly slowed: boolean;
  readonly rateLimited: number;
}

export interface Pacer {
  /** The provider client's HttpClient, paced. */
  readonly wrap: (http: HttpClient) => HttpClient;
  readonly state: () => PacerState;
}

/** Spacing starts when fewer tokens than this are left (or this share of the bucket). */
const LOW_TOKENS = 8;
const LOW_SHARE = 0.1;

const num = (v: string | undefined): number | undefined => {
  if (v === undefined || !/^\d{1,9}(\.\d{1,6})?$/.test(v.trim())) return undefined;
  return Number(v.trim());
};

/** Milliseconds between requests the headers ask for: 0 while there is headroom. */
export const spacingFor = (headers: Readonly<Record<string, string>>, concurrency: number): number => {
  const remaining = num(headers['x-ratelimit-remaining']);
  const limit = num(headers['x-ratelimit-limit']);
  const fill = num(headers['x-ratelimit-fillrate']);
  const interval = num(headers['x-ratelimit-interval-seconds']) ?? 1;
  if (remaining !== undefined && fill !== undefined && fill > 0) {
    const low = Math.max(LOW_TOKENS, concurrency, limit === undefined ? 0 : limit * LOW_SHARE);
    return remaining <= low ? Math.ceil((interval * 1000) / fill) : 0;
  }
  // Cloud: near the hourly limit, spread what is left of the hour.
  if (headers['x-ratelimit-nearlimit']?.trim().toLowerCase() === 'true' && limit !== undefined && limit > 0) return Math.ceil(3_600_000 / limit);
  return 0;
};

export const createPacer = (o: { readonly sleep: Sleep; readonly now: () => Date; readonly concurrency: number; readonly signal?: AbortSignal }): Pacer => {
  let hold: Promise<void> | null = null;
  let spacing = 0;
  let slot: Promise<void> = Promise.resolve();
  let rateLimited = 0;

  const before = async (): Promise<void> => {
    while (hold !== null) await hold;
    if (spacing > 0 && o.signal?.aborted !== true) {
      const mine = slot.then(() => o.sleep(spacing));
      slot = mine;
      await mine;
    }
  };

  const after = (status: number, headers: Readonly<Record<string, string>>): void => {
    spacing = spacingFor(headers, o.concurrency);
    if (status !== 429) return;
    rateLimited += 1;
    const seconds = retryAfterSeconds(headers['retry-after'], o.now());
    if (hold === null && seconds !== undefined && seconds > 0) {
      const wait = o.sleep(seconds * 1000).finally(() => {
        hold = null;
      });
      hold = wait;
    }
  };

  return {
    wrap: (http) => async (request) => {
      await before();
      const outcome = await http(request);
      if (outcome.ok) after(outcome.response.status, outcome.response.headers);
      return outcome;
    },
    state: () => ({ slowed: hold !== null || spacing > 0, rateLimited }),
  };
};
