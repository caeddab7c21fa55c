import { randomBytes } from 'node:crypto';
import type { SimAnswer, SimRequest } from './https-sim';
import type { CloudSimWorld } from './cloud-sim-state';

// The OAuth 2.0 consumer endpoints of bitbucket.org: authorize (the "browser" is sent straight
// back to the redirect URI, as if the user clicked Grant) and access_token (code and refresh grants).
// Every token it issues is recorded so the secret-scan test can look for it.
//
// Like Bitbucket, authorize sends the browser back only to the consumer's registered callback URL:
// "If you do include the URL in a request it must be appended to the same URL configured in the
// consumer … If you don't include the URL in the request we redirect to the callback URL in the
// consumer" (https://confluence.atlassian.com/bitbucket/oauth-faq-338365710.html). Any other
// redirect_uri — a random loopback port included — gets Bitbucket's error page, quoted from
// hickford/git-credential-oauth#1 (a loopback client on an ephemeral port) and Shippable/support#4660.
// Refresh tokens rotate: each use issues a new one and the used one is refused afterwards
// (https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003).

export const issuedOAuthSecrets: string[] = [];

const token = (prefix: string): string => {
  const t = `${prefix}-${randomBytes(18).toString('base64url')}`;
  issuedOAuthSecrets.push(t);
  return t;
};

const oauthError = (status: number, error: string, description: string): SimAnswer => ({ status, body: { error, error_description: description } });

/** Bitbucket's page for a redirect_uri the consumer did not register (wording from the issues cited above). */
export const INVALID_REDIRECT_PAGE = 'Invalid redirect_uri\n\nThis integration is misconfigured. Contact the vendor for assistance.';

/** The consumer's registered callback accepts the URL itself or one appended to it (the FAQ above). */
const registeredAccepts = (registered: string, asked: string): boolean => registered !== '' && asked.startsWith(registered);

export const createOAuthEndpoints = (world: CloudSimWorld) => {
  const codes = new Map<string, string>(); // code → redirect_uri
  const refreshTokens = new Set<string>();

  const issue = (): SimAnswer => {
    const access = token('sim-oauth-access');
    const refresh = token('sim-oauth-refresh');
    refreshTokens.add(refresh);
    world.bearerTokens[access] = { account: world.oauth.account, scopes: world.oauth.scopes, type: 'oauth2' };
    return {
      status: 200,
      // Since 2026-05-04 the field is `scope`, space-separated (https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003;
      // the separator as Bitbucket support confirmed in stevenmaguire/oauth2-bitbucket#7).
      body: { access_token: access, refresh_token: refresh, token_type: 'bearer', expires_in: 7200, scope: world.oauth.scopes.join(' '), state: 'authorization_code' },
    };
  };

  const clientOk = (req: SimRequest, form: URLSearchParams): boolean => {
    const h = req.headers.authorization ?? '';
    const pair = h.startsWith('Basic ') ? Buffer.from(h.slice(6), 'base64').toString('utf8') : `${form.get('client_id') ?? ''}:${form.get('client_secret') ?? ''}`;
    return pair === `${world.oauth.clientId}:${world.oauth.clientSecret}`;
  };

  return (req: SimRequest): SimAnswer => {
    if (req.method === 'GET' && req.path === '/site/oauth2/authorize') {
      if (req.query.get('client_id') !== world.oauth.clientId || req.query.get('response_type') !== 'code') {
        return { status: 400, text: 'Invalid client or request.' };
      }
      const redirect = req.query.get('redirect_uri') ?? world.oauth.callbackUrl;
      if (!registeredAccepts(world.oauth.callbackUrl, redirect)) return { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, text: INVALID_REDIRECT_PAGE };
      const code = randomBytes(12).toString('hex');
      codes.set(code, redirect);
      const to = new URL(redirect);
      to.searchParams.set('code', code);
      const state = req.query.get('state');
      if (state !== null) to.searchParams.set('state', state);
      return { status: 302, headers: { location: to.toString() }, text: '' };
    }
    if (req.method === 'POST' && req.path === '/site/oauth2/access_token') {
      const form = new URLSearchParams(req.body);
      if (!clientOk(req, form)) return oauthError(401, 'invalid_client', 'Client credentials are invalid.');
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') {
        const code = form.get('code') ?? '';
        const redirect = codes.get(code);
        if (redirect === undefined) return oauthError(400, 'invalid_grant', 'The authorization code is invalid or was already used.');
        codes.delete(code);
        // RFC 6749 §4.1.3: a redirect_uri sent with the exchange must be the one the code was issued for.
        const sent = form.get('redirect_uri');
        if (sent !== null && sent !== redirect) return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
        return issue();
      }
      if (grant === 'refresh_token') {
        const refresh = form.get('refresh_token') ?? '';
        // A used (rotated) or lapsed refresh token. Bitbucket's own form, observed in
        // readthedocs/readthedocs.org#2992: `(invalid_request) Invalid refresh_token`; RFC 6749 §5.2
        // names the same refusal invalid_grant, which `refreshRefusal: 'rfc'` answers instead.
        const refused = (): SimAnswer =>
          world.oauth.refreshRefusal === 'rfc' ? oauthError(400, 'invalid_grant', 'Invalid refresh_token') : oauthError(400, 'invalid_request', 'Invalid refresh_token');
        if (!refreshTokens.has(refresh)) return refused();
        refreshTokens.delete(refresh);
        if (world.oauth.refreshLapsed === true) return refused();
        return issue();
      }
      return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type.');
    }
    return { status: 404, text: 'Not found' };
  };
};
