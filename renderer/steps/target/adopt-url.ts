import type { CheckResults } from '../../../shared/domain/checks';

/**
 * The base URL a cross-origin redirect points at, with the API path the probe asked for taken off
 * (`https://new.example/bitbucket/rest/api/1.0/application-properties` → `https://new.example/bitbucket`),
 * or null when the probe was not stopped by one. Only an https hop to another origin is offered:
 * the app never follows it itself (a credential must not cross origins), the admin adopts it.
 */
export const redirectTargetOf = (checks: CheckResults): string | null => {
  if (checks.network?.status !== 'failed' || checks.network.reason !== 'redirect') return null;
  const hop = checks.network.redirects.findLast((h) => h.verdict === 'blocked');
  if (hop === undefined) return null;
  try {
    const to = new URL(hop.to);
    if (to.protocol !== 'https:' || to.origin === new URL(hop.from).origin) return null;
    const api = to.pathname.search(/\/rest\//);
    const path = (api >= 0 ? to.pathname.slice(0, api) : to.pathname).replace(/\/+$/, '');
    return `${to.origin}${path}`;
  } catch {
    return null;
  }
};
