import { startHttpsSim, type RunningSim, type SimAnswer, type SimRequest } from './https-sim';
import { defaultCloudWorld, type CloudSimWorld, type SimAccount, type SimCredential } from './cloud-sim-state';
import { createOAuthEndpoints } from './cloud-oauth-sim';

// A Bitbucket Cloud simulator: REST 2.0 under /2.0, the OAuth consumer endpoints under
// /site/oauth2. Answers follow tests/fixtures/openapi/bitbucket-cloud.subset.json.

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

export const startCloudSim = async (world: CloudSimWorld = defaultCloudWorld()): Promise<CloudSim> => {
  const oauth = createOAuthEndpoints(world);
  const api = (req: SimRequest): SimAnswer => {
    if (world.rateLimit !== undefined && world.rateLimit.remaining > 0) {
      world.rateLimit.remaining -= 1;
      return { ...err(429, 'Rate limit for this resource has been exceeded'), headers: { 'retry-after': world.rateLimit.retryAfter } };
    }
    const cred = authenticate(world, req);
    if (cred === 'app_password') return err(401, 'App passwords are no longer supported. Use an API token instead.');
    if (cred === undefined) return err(401, 'Invalid credentials');
    const granular = cred.type === 'api_token';
    const headers = { 'x-oauth-scopes': cred.scopes.join(', '), 'x-credential-type': cred.type };
    const need = (area: keyof typeof REQUIRED): SimAnswer | undefined => {
      const r = REQUIRED[area];
      if (r === undefined) return undefined;
      const scope = granular ? r.granular : r.classic;
      if (grants(cred, scope)) return undefined;
      const lists = { required: [scope], granted: [...cred.scopes] };
      const message = 'Your credentials lack one or more required privilege scopes.';
      return world.scopeErrorStyle === 'observed' ? err(403, message, { detail: lists }) : err(403, message, { detail: `Required: ${scope}`, data: lists });
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
    if (parts[0] === 'repositories' && parts.length >= 3) {
      const key = `${parts[1]}/${parts[2]}`;
      const denied = need('repository');
      if (denied) return denied;
      const repo = world.repositories[key];
      if (repo === undefined) return err(404, `Repository ${key} not found`);
      if (parts.length === 3) {
        return ok({
          type: 'repository',
          uuid: repo.uuid,
          full_name: key,
          name: parts[2],
          is_private: repo.is_private,
          scm: 'git',
          ...(repo.has_issues === undefined ? {} : { has_issues: repo.has_issues }),
        });
      }
      if (parts.length === 4 && (parts[3] === 'components' || parts[3] === 'issues')) {
        if (repo.has_issues !== true) {
          return repo.issueEndpoints === '410'
            ? err(410, 'Bitbucket Cloud issues have been removed. See CHANGE-2770.')
            : err(404, 'Repository has no issue tracker.');
        }
        const issueDenied = need('issue');
        if (issueDenied) return issueDenied;
        if (parts[3] === 'issues') return ok({ page: 1, pagelen: 1, size: 0, values: [] });
        const values = (repo.components ?? []).map((name, i) => ({ type: 'component', id: i + 1, name }));
        return ok({ page: 1, pagelen: 100, size: values.length, values });
      }
    }
    return err(404, 'Resource not found');
  };
  const sim = await startHttpsSim((req) => (req.path.startsWith('/site/oauth2/') ? oauth(req) : api(req)));
  return { ...sim, apiRoot: `${sim.origin}/2.0`, world };
};
