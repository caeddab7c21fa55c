import type { RateLimitCheck } from '../../../shared/domain/checks';
import type { HttpResponse } from './http-client';
import { retryAfterSeconds } from './retry-after';

// A 429 as a value: when to come back and the headroom headers the provider sent. Which headers
// each provider sends, and what they mean:
// - Bitbucket Cloud: X-RateLimit-Limit, X-RateLimit-Resource, X-RateLimit-NearLimit (access tokens
//   on /2.0/repositories/*; https://community.atlassian.com/forums/Bitbucket-questions/Reqeust-limitation/qaa-p/3218562),
//   usually no Retry-After (https://support.atlassian.com/bitbucket-cloud/docs/api-request-limits/).
// - Data Center: a token bucket, X-RateLimit-Limit, -Remaining, -Interval-Seconds, -FillRate and
//   Retry-After (https://confluence.atlassian.com/bitbucketserver086/improving-instance-stability-with-rate-limiting-1188783544.html,
//   header table https://confluence.atlassian.com/conf87/_ratelimiting_httpheaders-1333822054.html).
// - Jira Cloud: Retry-After, X-RateLimit-Limit/-Remaining/-Reset, X-RateLimit-NearLimit, RateLimit-Reason
//   (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).

/** A 429: when to come back (ISO, when the provider said) and the rate-limit headers it sent. */
export interface RateLimitInfo {
  readonly retryAt?: string;
  readonly headroom: Readonly<Record<string, string>>;
}

/**
 * A 429 as a failure value. It lives here, below the network-check service and the provider
 * clients, because both build the same record from it; a provider failure (providers/common/
 * provider-result.ts) is this shape with more optional facts, so either can be passed.
 */
export interface RateLimitFailure {
  readonly code: 'PROVIDER_RATE_LIMITED';
  readonly status: 429;
  readonly message: string;
  /** Seconds the provider asked to wait. */
  readonly retryAfterSeconds?: number;
  readonly rateLimit: RateLimitInfo;
}

/** What the record needs of any failure: its sentence and, for a 429, the wait and the headers. */
type RateLimitFacts = Pick<RateLimitFailure, 'message' | 'retryAfterSeconds'> & { readonly rateLimit?: RateLimitInfo };

const HEADROOM_HEADERS = [
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-resource',
  'x-ratelimit-nearlimit',
  'x-ratelimit-interval-seconds',
  'x-ratelimit-fillrate',
  'ratelimit-reason',
] as const;

/** The rate-limit headers of an answer, trimmed and bounded: evidence, never trusted as numbers. */
export const headroomOf = (headers: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    HEADROOM_HEADERS.flatMap((h) => {
      const v = headers[h];
      return v === undefined ? [] : [[h, v.replace(/[^\x20-\x7e]/g, '').trim().slice(0, 80)]];
    }),
  );

/** "08:05 UTC" of an instant. */
const hhmm = (at: Date): string => `${at.toISOString().slice(11, 16)} UTC`;

/** PROVIDER_RATE_LIMITED for a 429 the retry rule gave back: the wait asked, when to retry, the headers. */
export const rateLimitFailure = (response: HttpResponse, what: string, now: Date): RateLimitFailure => {
  const seconds = retryAfterSeconds(response.headers['retry-after'], now);
  const retryAt = seconds === undefined ? undefined : new Date(now.getTime() + seconds * 1000);
  const headroom = headroomOf(response.headers);
  const when =
    retryAt === undefined
      ? 'It named no time to come back; the app backed off and stopped. Wait a few minutes, then run the checks again.'
      : `Retry after ${hhmm(retryAt)}.`;
  return {
    code: 'PROVIDER_RATE_LIMITED',
    status: 429,
    message: `The provider is rate limiting requests for ${what} (HTTP 429). This is not a problem with the credential. ${when}`,
    ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
    rateLimit: { ...(retryAt === undefined ? {} : { retryAt: retryAt.toISOString() }), headroom },
  };
};

/** The pending record a run stores when it stopped on a 429. */
export const rateLimitRecord = (provider: RateLimitCheck['provider'], failure: RateLimitFacts, at: Date): RateLimitCheck => ({
  provider,
  detail: failure.message,
  ...(failure.retryAfterSeconds === undefined ? {} : { retry_after_s: failure.retryAfterSeconds }),
  ...(failure.rateLimit?.retryAt === undefined ? {} : { retry_at: failure.rateLimit.retryAt }),
  headroom: { ...(failure.rateLimit?.headroom ?? {}) },
  checked_at: at.toISOString(),
});
