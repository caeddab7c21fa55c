import { BITBUCKET_OAUTH } from './oauth-flow';

/**
 * The one page the OAuth flow may open in the system browser: Bitbucket Cloud's consent page,
 * exactly (https, that host, no port, no user info, that path; the query is the flow's own).
 * Every composition root hands its opener this predicate.
 */
export const isOAuthConsentPage = (url: string): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.username === '' && parsed.password === '' && `${parsed.origin}${parsed.pathname}` === BITBUCKET_OAUTH.authorizeUrl;
};
