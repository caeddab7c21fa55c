import { startHttpsSim, type RunningSim, type SimAnswer, type SimRequest } from './https-sim';
import { defaultCloudWorld, type CloudSimWorld, type SimAccount, type SimCredential } from './cloud-sim-state';
import { createOAuthEndpoints } from './cloud-oauth-sim';
import { freeLoopbackPort } from '../support/free-port';

// A Bitbucket Cloud simulator: REST 2.0 under /2.0, the OAuth consumer endpoints under
// /site/oauth2. Bodies follow tests/fixtures/openapi/bitbucket-cloud.subset.json; what the extract
// does not say (headers, error wording) names its source where it is produced.

export interface CloudSim extends RunningSim {
  readonly apiRoot: string;
  readonly world: CloudSimWorld;
}

const err = (status: number, message: string, extra: { detail?: unknown; data?: Record<string, unknown> } = {}): SimAnswer => ({
  status,
  body: { type: 'error', error: { message, ...extra } },
});

const accountBody = (a: SimAccount) => ({ type: 'user', uuid: a.uuid, account_id: a.account_id, display_name: a.display_name, nickname: a.nickname });

const REQUIRED: Record<string, { granular: string; classic: string }> = {
  user: { granular: 'read:user:bitbucket', classic: 'account' },
  workspace: { granular: 'read:workspace:bitbucket', classic: 'account' },
  repository: { granular: 'read:repository:bitbucket', classic: 'repository' },
  issue: { granular: 'read:issue:bitbucket', classic: 'issue' },
};

/** Bitbucket's usual page size is 10 and the most it gives is 100 (the `pagelen` description in the published schema). */
const DEFAULT_PAGELEN = 10;
const MAX_PAGELEN = 100;

/** 401 for a token Bitbucket does not know, verbatim as live answers quote it (avivsinai/bitbucket-cli#174, AsyncFuncAI/deepwiki-open#444). */
export const INVALID_TOKEN_MESSAGE = 'Token is invalid, expired, or not supported for this endpoint.';

/** Access tokens may reach only the resource they were created for (https://developer.atlassian.com/cloud/bitbucket/rest/intro/#access-tokens). */
const boundAllows = (cred: SimCredential, workspace: string, slug: string): boolean =>
  cred.boundTo === undefined || cred.boundTo === workspace || cred.boundTo === `${workspace}/${slug}`;

const isAccessToken = (cred: SimCredential): boolean => cred.type.endsWith('_access_token');

const grants = (cred: SimCredential, need: string): boolean =>
  cred.scopes.some((s) => s === need || (s.startsWith(`${need}:`) && !need.includes(':')));

const authenticate = (world: CloudSimWorld, req: SimRequest): SimCredential | 'app_password' | undefined => {
  const h = req.headers.authorization ?? '';
  if (h.startsWith('Bearer ')) return world.bearerTokens[h.slice(7)];
  if (!h.startsWith('Basic ')) return undefined;
  const pair = Buffer.from(h.slice(6), 'base64').toString('utf8');
  if (!pair.includes('@')) return 'app_password';
  return world.apiTokens[pair];
};

/**
 * One page of a paged list, as Bitbucket pages: `pagelen` (default 10, at most 100; more is refused,
 * as a client comment records "Invalid pagelen" for a too-large ask), `page`, and `next` as an absolute
 * URL while more remain (renovate lib/util/http/bitbucket.ts follows `next`).
 */
const componentsPage = (req: SimRequest, key: string, names: readonly string[], ok: (body: unknown) => SimAnswer): SimAnswer => {
  const pagelen = Number(req.query.get('pagelen') ?? DEFAULT_PAGELEN);
  const page = Number(req.query.get('page') ?? 1);
  if (!Number.isInteger(pagelen) || pagelen < 1 || pagelen > MAX_PAGELEN) return err(400, 'Invalid pagelen');
  if (!Number.isInteger(page) || page < 1) return err(400, 'Invalid page');
  const values = names.slice((page - 1) * pagelen, page * pagelen).map((name, i) => ({ type: 'component', id: (page - 1) * pagelen + i + 1, name }));
  const more = page * pagelen < names.length;
  const next = `https://${req.headers.host ?? '127.0.0.1'}/2.0/repositories/${key}/components?pagelen=${pagelen}&page=${page + 1}`;
  return ok({ page, pagelen, size: names.length, values, ...(more ? { next } : {}) });
};

/** A page of a workspace's repositories, paged as componentsPage pages (same pagelen rule, absolute `next`). */
const workspacePage = (req: SimRequest, ws: string, slugs: readonly string[], world: CloudSimWorld, ok: (body: unknown) => SimAnswer): SimAnswer => {
  const pagelen = Number(req.query.get('pagelen') ?? DEFAULT_PAGELEN);
  const page = Number(req.query.get('page') ?? 1);
  if (!Number.isInteger(pagelen) || pagelen < 1 || pagelen > MAX_PAGELEN) return err(400, 'Invalid pagelen');
  if (!Number.isInteger(page) || page < 1) return err(400, 'Invalid page');
  const values = slugs.slice((page - 1) * pagelen, page * pagelen).map((slug) => {
    const repo = world.repositories[`${ws}/${slug}`];
    return { type: 'repository', uuid: repo?.uuid, full_name: `${ws}/${slug}`, slug, name: slug, is_private: repo?.is_private, project: { type: 'project', key: repo?.projectKey ?? 'PROJ' }, workspace: { type: 'workspace', slug: ws } };
  });
  const more = page * pagelen < slugs.length;
  const next = `https://${req.headers.host ?? '127.0.0.1'}/2.0/repositories/${ws}?pagelen=${pagelen}&page=${page + 1}`;
  return ok({ page, pagelen, size: slugs.length, values, ...(more ? { next } : {}) });
};

export const startCloudSim = async (world: CloudSimWorld = defaultCloudWorld()): Promise<CloudSim> => {
  if (world.oauth.callbackUrl === '') world.oauth.callbackUrl = `http://127.0.0.1:${await freeLoopbackPort()}/callback`;
  const oauth = createOAuthEndpoints(world);
  const api = (req: SimRequest): SimAnswer => {
    if (world.rateLimit !== undefined && world.rateLimit.remaining > 0) {
      world.rateLimit.remaining -= 1;
      // The body is the sentence Atlassian's troubleshooting page quotes
      // (https://support.atlassian.com/bitbucket-cloud/kb/bitbucket-cloud-rate-limit-troubleshooting/).
      const retry: Record<string, string> = world.rateLimit.retryAfter === undefined ? {} : { 'retry-after': world.rateLimit.retryAfter };
      return { ...err(429, 'Rate limit for this resource has been exceeded'), headers: { ...retry, ...(world.rateLimit.headers ?? {}) } };
    }
    const cred = authenticate(world, req);
    if (cred === 'app_password') return err(401, 'App passwords are no longer supported. Use an API token instead.');
    if (cred === undefined) return err(401, INVALID_TOKEN_MESSAGE);
    const granular = cred.type === 'api_token';
    const headers = { 'x-oauth-scopes': cred.scopes.join(', '), 'x-credential-type': cred.type };
    const scopeDenied = (scope: string): SimAnswer => {
      const lists = { required: [scope], granted: [...cred.scopes] };
      const message = 'Your credentials lack one or more required privilege scopes.';
      const body = world.scopeErrorStyle === 'observed' ? err(403, message, { detail: lists }) : err(403, message, { detail: `Required: ${scope}`, data: lists });
      // x-accepted-oauth-scopes names what the endpoint needs (seen on Bitbucket 403s: devopsgroup-io/catapult#159).
      return { ...body, headers: { ...headers, 'x-accepted-oauth-scopes': scope } };
    };
    const need = (area: keyof typeof REQUIRED): SimAnswer | undefined => {
      const r = REQUIRED[area];
      if (r === undefined) return undefined;
      const scope = granular ? r.granular : r.classic;
      // Access tokens can never hold `account` (nor issue scopes): their token-info probe reads
      // x-credential-type from the 403 of /2.0/user.
      if (isAccessToken(cred) && (scope === 'account' || scope.startsWith('issue'))) return scopeDenied(scope);
      return grants(cred, scope) ? undefined : scopeDenied(scope);
    };
    const ok = (body: unknown): SimAnswer => ({ status: 200, body, headers });
    const parts = req.path.replace(/^\/2\.0/, '').split('/').filter((p) => p.length > 0).map(decodeURIComponent);

    if (parts.length === 1 && parts[0] === 'user') return need('user') ?? ok(accountBody(cred.account));
    if (parts[0] === 'workspaces' && parts.length === 1) return err(410, 'This API is no longer available. See CHANGE-2770.');
    if (parts[0] === 'user' && parts[1] === 'workspaces' && parts[3] === 'permission' && parts.length === 4) {
      const ws = parts[2] ?? '';
      const denied = need('workspace');
      if (denied) return denied;
      const permission = world.workspaces[ws]?.[cred.account.uuid];
      if (permission === undefined) return err(403, 'You do not have access to this workspace.');
      return ok({ type: 'workspace_membership', permission, user: accountBody(cred.account), workspace: { type: 'workspace', slug: ws, name: ws, uuid: `{ws-${ws}}` } });
    }
    if (parts[0] === 'repositories' && parts.length === 2) {
      // The workspace's repositories, paged as every Cloud list (`pagelen` ≤ 100, `next` while more
      // remain): GET /2.0/repositories/{workspace} (https://developer.atlassian.com/cloud/bitbucket/rest/api-group-repositories/#api-repositories-workspace-get).
      const denied = need('repository');
      if (denied) return denied;
      const ws = parts[1] ?? '';
      if (world.workspaces[ws]?.[cred.account.uuid] === undefined) return err(403, 'You do not have access to this workspace.');
      const slugs = Object.keys(world.repositories).filter((k) => k.startsWith(`${ws}/`)).map((k) => k.slice(ws.length + 1));
      return workspacePage(req, ws, slugs, world, ok);
    }
    if (parts[0] === 'repositories' && parts.length >= 3) {
      const key = `${parts[1]}/${parts[2]}`;
      const denied = need('repository');
      if (denied) return denied;
      const repo = world.repositories[key];
      // A token bound to another resource sees nothing here, like a repository that does not exist.
      if (repo === undefined || !boundAllows(cred, parts[1] ?? '', parts[2] ?? '')) return err(404, `Repository ${key} not found`);
      if (parts.length === 3) {
        const ws = repo.workspaceSlug ?? parts[1] ?? '';
        return ok({
          type: 'repository',
          uuid: repo.uuid,
          full_name: key,
          name: parts[2],
          is_private: repo.is_private,
          scm: 'git',
          // `workspace` replaced `owner` (https://developer.atlassian.com/cloud/bitbucket/bitbucket-api-teams-deprecation).
          workspace: { type: 'workspace', slug: ws, name: ws, uuid: `{ws-${ws}}` },
          ...(repo.has_issues === undefined ? {} : { has_issues: repo.has_issues }),
        });
      }
      if (parts.length === 4 && (parts[3] === 'components' || parts[3] === 'issues')) {
        if (repo.has_issues !== true) {
          // After the 2026-08-20 sunset the removed endpoints answer 410 or a generic 404 (PRODUCT.md,
          // "What changed at Atlassian"). CHANGE-2770 is the cross-workspace API removal, not this one.
          return repo.issueEndpoints === '410'
            ? err(410, 'The issue tracker was removed from Bitbucket Cloud on 2026-08-20.')
            : err(404, 'Resource not found');
        }
        const issueDenied = need('issue');
        if (issueDenied) return issueDenied;
        if (parts[3] === 'issues') return ok({ page: 1, pagelen: 1, size: 0, values: [] });
        return componentsPage(req, key, repo.components ?? [], ok);
      }
    }
    return err(404, 'Resource not found');
  };
  const sim = await startHttpsSim((req) => (req.path.startsWith('/site/oauth2/') ? oauth(req) : api(req)));
  return { ...sim, apiRoot: `${sim.origin}/2.0`, world };
};
