import type { ErrorCode } from '../../../../shared/errors/codes';
import type { HttpResponse, NetworkEvidence } from '../../net/http-client';
import type { RateLimitInfo } from '../../net/rate-limit';
import { createSecretScrubber } from '../../scrub/secret-scrubber';

/** An expected failure of one provider call, already mapped to a catalog code. Never holds a secret. */
export interface ProviderFailure {
  readonly code: ErrorCode;
  readonly message: string;
  /** The HTTP status, when the provider answered at all. */
  readonly status?: number;
  /** The provider said the feature or endpoint is gone (410, or a "removed" / "retired" answer). */
  readonly gone?: boolean;
  /** The provider's own sentence (trimmed), e.g. a CHANGE-2770 notice. */
  readonly providerMessage?: string;
  /** Scope lists from a 403 body (`detail.required` / `detail.granted`, or `data.*`). */
  readonly scopes?: { readonly required: readonly string[]; readonly granted: readonly string[] };
  /** Seconds the provider asked to wait (429). */
  readonly retryAfterSeconds?: number;
  /** A 429: when to come back (ISO, when the provider said) and the rate-limit headers it sent. */
  readonly rateLimit?: RateLimitInfo;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type CallResult<T> =
  | { readonly ok: true; readonly value: T; readonly response: HttpResponse; readonly evidence: NetworkEvidence }
  | { readonly ok: false; readonly failure: ProviderFailure; readonly response?: HttpResponse; readonly evidence?: NetworkEvidence };

export const failed = <T>(failure: ProviderFailure, response?: HttpResponse, evidence?: NetworkEvidence): CallResult<T> => ({
  ok: false,
  failure,
  ...(response === undefined ? {} : { response }),
  ...(evidence === undefined ? {} : { evidence }),
});

/** A provider sentence fit for evidence: one line, bounded. */
export const trimProviderText = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length === 0 ? undefined : line.slice(0, 300);
};

/**
 * Removes known secrets from a provider's words before they become evidence, in every form the one
 * scrubber knows (raw, base64, base64url, URL-encoded, as the whole Authorization value). A provider
 * or a proxy page that echoes the request must not carry the credential into a finding, a log or a
 * bundle. The check run scrubs its whole result again with every secret of the target.
 */
export const scrubSecrets = (text: string | undefined, secrets: readonly string[], users: readonly string[] = []): string | undefined =>
  text === undefined ? undefined : createSecretScrubber({ secrets, users }).text(text);
