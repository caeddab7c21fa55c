import { randomBytes } from 'node:crypto';
import type { SimAnswer, SimRequest } from './https-sim';
import type { CloudSimWorld } from './cloud-sim-state';

// The OAuth 2.0 consumer endpoints of bitbucket.org: authorize (the "browser" is sent straight
// back to the redirect URI, as if the user clicked Grant) and access_token (code and refresh grants).
// Every token it issues is recorded so the secret-scan test can look for it.

export const issuedOAuthSecrets: string[] = [];

const token = (prefix: string): string => {
  const t = `${prefix}-${randomBytes(18).toString('base64url')}`;
  issuedOAuthSecrets.push(t);
  return t;
};

const oauthError = (status: number, error: string, description: string): SimAnswer => ({ status, body: { error, error_description: description } });

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
      const redirect = req.query.get('redirect_uri');
      if (req.query.get('client_id') !== world.oauth.clientId || req.query.get('response_type') !== 'code' || redirect === null) {
        return { status: 400, text: 'Invalid client or request.' };
      }
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
        if (!codes.has(code)) return oauthError(400, 'invalid_grant', 'The authorization code is invalid or was already used.');
        codes.delete(code);
        return issue();
      }
      if (grant === 'refresh_token') {
        const refresh = form.get('refresh_token') ?? '';
        if (!refreshTokens.has(refresh)) return oauthError(400, 'invalid_grant', 'Invalid refresh_token.');
        refreshTokens.delete(refresh);
        return issue();
      }
      return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type.');
    }
    return { status: 404, text: 'Not found' };
  };
};
