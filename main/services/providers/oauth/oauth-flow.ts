import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../../shared/contract/define';
import { OAUTH_REFRESH_UNUSED_MONTHS } from '../../../../shared/domain/credential-meta';
import type { OAuthCallback } from '../../../../shared/domain/oauth-callback';
import type { HttpClient } from '../../net/http-client';
import { jsonOf } from '../common/parse-body';
import { startLoopbackListener, type IgnoredRequest } from './loopback-listener';

// Bitbucket Cloud's OAuth 2.0 consumer flow: authorization code through the system browser, the
// redirect to the consumer's registered loopback callback, the code exchanged at the token
// endpoint, refresh tokens (rotated at every use) for later.

export const BITBUCKET_OAUTH = {
  authorizeUrl: 'https://bitbucket.org/site/oauth2/authorize',
  tokenUrl: 'https://bitbucket.org/site/oauth2/access_token',
} as const;

export interface OAuthConsumer {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface OAuthEndpoints {
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
}

export const OAuthTokens = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
  /** Since 2026-05-04 Bitbucket answers `scope` (https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003). */
  scope: z.string().optional(),
  /** The name before 2026-05-04; still read, for tokens issued by an older endpoint or a proxy. */
  scopes: z.string().optional(),
});
export type OAuthTokens = z.infer<typeof OAuthTokens>;

const OAuthErrorBody = z.looseObject({ error: z.string().max(100), error_description: z.string().max(1000).optional() });

/**
 * A refresh grant Bitbucket refused because of the refresh token itself: RFC 6749 §5.2's
 * `invalid_grant`, or Bitbucket's own `invalid_request` "Invalid refresh_token" (observed in
 * readthedocs/readthedocs.org#2992). Either way only a new sign-in helps.
 */
const refreshRefused = (e: z.infer<typeof OAuthErrorBody>): boolean =>
  e.error === 'invalid_grant' || (e.error === 'invalid_request' && /refresh_token/i.test(e.error_description ?? ''));

export interface ConnectOptions {
  readonly consumer: OAuthConsumer;
  readonly endpoints?: OAuthEndpoints;
  /** Bound to the token endpoint's origin. */
  readonly http: HttpClient;
  /** Opens the system browser (Electron's shell.openExternal, `open`, or a test's fake browser). */
  readonly openExternal: (url: string) => Promise<void>;
  readonly timeoutMs?: number;
  /** The callback URL registered on the consumer: listened on exactly, sent exactly as redirect_uri. */
  readonly callback: OAuthCallback;
  /** Told of each refused request to the listener (wrong Host, path or state); facts only. */
  readonly onIgnored?: (request: IgnoredRequest) => void;
  readonly randomState?: () => string;
}

const tokenRequest = async (http: HttpClient, endpoints: OAuthEndpoints, consumer: OAuthConsumer, form: Record<string, string>): Promise<Result<OAuthTokens>> => {
  const outcome = await http({
    url: endpoints.tokenUrl,
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${consumer.clientId}:${consumer.clientSecret}`, 'utf8').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams(form).toString(),
  });
  if (!outcome.ok) return fail('OAUTH_FLOW_FAILED', `The token endpoint could not be reached (${outcome.reason}): ${outcome.detail}`, { reason: outcome.reason });
  const { status } = outcome.response;
  if (status !== 200) {
    const body = OAuthErrorBody.safeParse(jsonOf(outcome.response));
    const what = body.success ? body.data.error : `HTTP ${status}`;
    if (form.grant_type === 'refresh_token' && body.success && refreshRefused(body.data)) {
      return fail(
        'OAUTH_SIGN_IN_REQUIRED',
        `Bitbucket refused the stored refresh token (${body.data.error}): it lapsed after ${OAUTH_REFRESH_UNUSED_MONTHS} months unused, was already used, or the grant was revoked. Sign in with OAuth again.`,
        { http_status: status, oauth_error: body.data.error },
      );
    }
    const hint = status === 401 || what === 'invalid_client' ? ' Check the OAuth consumer key and secret.' : '';
    return fail('OAUTH_FLOW_FAILED', `The token endpoint refused the request (${what}).${hint}`, { http_status: status });
  }
  const tokens = OAuthTokens.safeParse(jsonOf(outcome.response));
  return tokens.success ? ok(tokens.data) : fail('OAUTH_FLOW_FAILED', 'The token endpoint answered in an unexpected shape.');
};

/** Runs the whole sign-in. Failures are OAUTH_FLOW_FAILED (or the callback codes) with a sentence; tokens never appear in it. */
export const connectOAuth = async (o: ConnectOptions): Promise<Result<OAuthTokens>> => {
  const endpoints = o.endpoints ?? BITBUCKET_OAUTH;
  const state = (o.randomState ?? (() => randomBytes(32).toString('base64url')))();
  const started = await startLoopbackListener({
    callback: o.callback,
    expectedState: state,
    timeoutMs: o.timeoutMs ?? 180_000,
    ...(o.onIgnored === undefined ? {} : { onIgnored: o.onIgnored }),
  });
  if (!started.ok) return started;
  const listener = started.value;
  const url = new URL(endpoints.authorizeUrl);
  url.searchParams.set('client_id', o.consumer.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  url.searchParams.set('redirect_uri', listener.redirectUri);
  try {
    await o.openExternal(url.toString()); // eng-disable OPEN_EXTERNAL_JS_CHECK (injected opener admits only the consent page; docs/security.md)
  } catch {
    await listener.close();
    return fail('OAUTH_FLOW_FAILED', 'The system browser could not be opened.');
  }
  const answer = await listener.outcome;
  if (!answer.ok) return fail('OAUTH_FLOW_FAILED', answer.detail, { reason: answer.reason });
  return tokenRequest(o.http, endpoints, o.consumer, { grant_type: 'authorization_code', code: answer.code, redirect_uri: listener.redirectUri });
};

export const refreshOAuth = (o: { consumer: OAuthConsumer; endpoints?: OAuthEndpoints; http: HttpClient; refreshToken: string }): Promise<Result<OAuthTokens>> =>
  tokenRequest(o.http, o.endpoints ?? BITBUCKET_OAUTH, o.consumer, { grant_type: 'refresh_token', refresh_token: o.refreshToken });

/** The granted scopes as the token endpoint reported them (`scope`, or the older `scopes`). */
export const scopesOf = (tokens: OAuthTokens): string[] => (tokens.scope ?? tokens.scopes ?? '').split(/[\s,]+/).filter((s) => s.length > 0);
