import type { BlockReason } from '../../../../shared/domain/checks';
import type { ErrorCode } from '../../../../shared/errors/codes';
import type { HttpResponse } from '../../net/http-client';
import type { ProviderFailure } from './provider-result';
import { trimProviderText } from './provider-result';
import { rateLimitFailure } from '../../net/rate-limit';

const GONE_WORDS = /\b(CHANGE-\d+|removed|retired|no longer (?:available|supported)|deprecated and removed|gone)\b/i;

/** Whether a provider sentence says the feature or endpoint was taken away (not merely missing). */
export const saysGone = (text: string | undefined): boolean => text !== undefined && GONE_WORDS.test(text);

/** The CHANGE-nnnn notice id in a provider sentence, if any. */
export const changeIdOf = (text: string | undefined): string | undefined => text?.match(/\bCHANGE-\d+\b/)?.[0];

/** The generic status → code rule; provider clients refine 403 (scopes) and 410 (retired) in context. */
export const statusFailure = (status: number, providerText: string | undefined, what: string): ProviderFailure => {
  const providerMessage = trimProviderText(providerText);
  const base = { status, ...(providerMessage === undefined ? {} : { providerMessage }) };
  const code: ErrorCode =
    status === 401
      ? 'PROVIDER_AUTH_REQUIRED'
      : status === 403
        ? 'PROVIDER_SCOPE_UNAVAILABLE'
        : status === 404 || status === 410
          ? 'PROVIDER_RESOURCE_NOT_FOUND'
          : status === 429
            ? 'PROVIDER_RATE_LIMITED'
            : 'PROVIDER_UNAVAILABLE';
  const message =
    status === 401
      ? `The provider rejected the credential (HTTP 401) for ${what}.`
      : status === 403
        ? `The credential is not allowed to read ${what} (HTTP 403).`
        : status === 404
          ? `${what} was not found, or the credential cannot see it (HTTP 404).`
          : status === 410
            ? `${what} is gone (HTTP 410)${changeIdOf(providerText) ? `: ${changeIdOf(providerText)}` : ''}.`
            : status === 429
              ? `The provider is rate limiting requests for ${what} (HTTP 429). This is not a problem with the credential.`
              : `The provider answered HTTP ${status} for ${what}.`;
  return { ...base, code, message, ...(status === 410 || (status === 404 && saysGone(providerText)) ? { gone: true } : {}) };
};

/** A non-2xx answer as a failure: a 429 with its wait and rate-limit headers, anything else by status. */
export const responseFailure = (response: HttpResponse, providerText: string | undefined, what: string, now: Date): ProviderFailure =>
  response.status === 429 ? rateLimitFailure(response, what, now) : statusFailure(response.status, providerText, what);

/**
 * A call that never got an HTTP answer. Data Center and Jira go through the URL-safety client,
 * whose refusals are PROVIDER_BASE_URL_BLOCKED with the reason; a plain network failure towards
 * Bitbucket Cloud is PROVIDER_UNAVAILABLE.
 */
export const networkFailure = (reason: BlockReason, detail: string, guarded: boolean): ProviderFailure => ({
  code: guarded ? 'PROVIDER_BASE_URL_BLOCKED' : 'PROVIDER_UNAVAILABLE',
  // Unguarded (Bitbucket Cloud): the fixed-origin client's own words, what failed and the proxy hint.
  message: guarded ? `The URL-safety checks stopped the call (${reason}).` : `The provider could not be reached (${reason}): ${detail}`,
  details: { reason, detail: trimProviderText(detail) ?? reason },
});
