import { fail, ok, type Result } from '../../../shared/contract/define';
import type { BulkResult } from '../../../shared/domain/bulk-plan';
import type { CheckResults } from '../../../shared/domain/checks';
import { isCloud, type CloudTarget, type DataCenterTarget, type TargetConfig } from '../../../shared/domain/target';
import { accountFor } from '../secrets/secret-store';
import { checkDataCenterTarget, guardedSession } from '../network-check/network-check';
import { createCloudClient } from '../providers/bitbucket-cloud/cloud-client';
import { membershipOwnership } from '../providers/bitbucket-cloud/cloud-ownership';
import { rateLimitRecord } from '../net/rate-limit';
import { DEFAULT_MAX_RETRY_WAIT_MS } from '../net/retry-after';
import type { CallResult, ProviderFailure } from '../providers/common/provider-result';
import { createDataCenterClient } from '../providers/data-center/dc-client';
import type { CheckRunDeps } from '../providers/provider-deps';
import { cloudCredentialOf } from '../providers/run-cloud-target';
import { dataCenterCredentialOf } from '../providers/run-data-center-target';
import type { Pacer } from './pacer';
import { credentialGuard } from '../providers/common/credential-guard';
import { originOf } from '../../../shared/domain/credential-binding';

// The instance of a bulk run, checked once: Data Center's network check (the one the wizard and
// "Test connection" make) and the signed-in user; Cloud's user and workspace role. Then the two
// things a run does per repository: list them (paged) and check one.

export interface FoundRepository {
  readonly project: string;
  readonly slug: string;
  readonly name?: string;
}

export interface OpenInstance {
  /** The instance-level records (URL safety, network, auth, workspace, rate limit). */
  readonly checks: CheckResults;
  /** Releases the run's pooled connections. */
  readonly close: () => Promise<void>;
  /** Null when the instance checks did not pass: nothing per repository may run. */
  readonly calls: {
    readonly list: (project: string | undefined, maxPages: number) => Promise<CallResult<{ items: readonly FoundRepository[]; truncated: boolean; pages: number }>>;
    /** The repository's verdict, route aside (found, readable with the credential, archived or not). */
    readonly check: (project: string, slug: string) => Promise<BulkResult>;
    /** Cloud lists one workspace whatever the project filter; Data Center asks per project. */
    readonly listsPerProject: boolean;
  } | null;
}

export type BulkDeps = CheckRunDeps;

const at = (deps: BulkDeps): string => deps.clock.now().toISOString();
const nothing = async (): Promise<void> => undefined;

/** A failed repository call as a verdict: a 429 or a network failure is never one on the repository or the credential. */
export const verdictOfFailure = (f: ProviderFailure, now: string, what: string): BulkResult => {
  const base = { detail: f.message.slice(0, 600), checked_at: now, ...(f.status === undefined ? {} : { http_status: f.status }) };
  if (f.code === 'PROVIDER_RATE_LIMITED') return { verdict: 'rate_limited', code: f.code, ...base };
  if (f.status === 404) return { verdict: 'not_found', code: 'PROVIDER_RESOURCE_NOT_FOUND', ...base };
  // Data Center answers 401 for "authenticated but not allowed here" as well as 403.
  if (f.status === 401 || f.status === 403) {
    return { verdict: 'forbidden', code: 'PROVIDER_SCOPE_UNAVAILABLE', ...base, detail: `The credential may not read ${what} (HTTP ${f.status}): it needs read access.` };
  }
  return { verdict: 'error', code: f.code, ...base };
};

const found = (archived: boolean | undefined, what: string, now: string): BulkResult =>
  archived === true
    ? { verdict: 'archived', detail: `${what} is archived: it is read-only and takes no new work.`, checked_at: now, http_status: 200 }
    : { verdict: 'ready', detail: `${what} found and readable.`, checked_at: now, http_status: 200 };

const dataCenter = async (t: DataCenterTarget, secret: string, deps: BulkDeps, pacer: Pacer, connections: number): Promise<Result<OpenInstance>> => {
  if (t.allowlist_status === undefined) return fail('ALLOWLIST_STATUS_MISSING', 'Choose how WebRiskOps reaches the host before any provider call.');
  if (t.base_url === undefined) return fail('PROVIDER_BASE_URL_BLOCKED', 'Enter the Data Center base URL first.');
  const credential = dataCenterCredentialOf(t, secret);
  if (typeof credential === 'string') return fail('PROVIDER_AUTH_REQUIRED', credential);
  const instance = await checkDataCenterTarget(deps.network, { ...t, base_url: t.base_url }, at(deps), { sleep: deps.sleep, clock: deps.clock, maxWaitMs: deps.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS });
  if (!instance.ok) return instance;
  const checks: CheckResults = { url_safety: instance.value.url_safety, ...(instance.value.network === undefined ? {} : { network: instance.value.network }) };
  if (instance.value.network?.status !== 'reached') return ok({ checks, calls: null, close: nothing });
  const session = await guardedSession(deps.network, t, connections);
  if (!session.ok) return session;
  const close = session.value.close;
  const client = createDataCenterClient({
    http: credentialGuard(pacer.wrap(session.value.http), [originOf(t.base_url)]),
    baseUrl: t.base_url,
    credential,
    clock: deps.clock,
    sleep: deps.sleep,
    ...(deps.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: deps.maxRetryWaitMs }),
  });
  const user = await client.authenticatedUser();
  if (!user.ok && user.failure.code === 'PROVIDER_RATE_LIMITED') {
    await close();
    return ok({ checks: { ...checks, rate_limit: rateLimitRecord('bitbucket_data_center', user.failure, deps.clock.now()) }, calls: null, close: nothing });
  }
  if (!user.ok || user.value === undefined) {
    await close();
    const detail = user.ok ? 'The instance answered anonymously: the credential was not accepted.' : user.failure.message;
    return ok({ checks: { ...checks, auth: { status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: at(deps) } }, calls: null, close: nothing });
  }
  return ok({
    checks: { ...checks, auth: { status: 'ok', identity: { username: user.value.username, ...(user.value.userId === undefined ? {} : { account_id: user.value.userId }) }, checked_at: at(deps) } },
    close,
    calls: {
      listsPerProject: true,
      list: async (project, maxPages) => {
        const r = await client.repositories(project, maxPages);
        if (!r.ok) return r;
        const items = r.value.items.flatMap((x) => {
          const key = x.project?.key ?? project;
          return key === undefined ? [] : [{ project: key, slug: x.slug, ...(x.name === undefined ? {} : { name: x.name }) }];
        });
        return { ...r, value: { items, truncated: r.value.truncated, pages: r.value.pages } };
      },
      check: async (project, slug) => {
        const r = await client.repository(project, slug);
        const what = `${project}/${slug}`;
        return r.ok ? found(r.value.archived, what, at(deps)) : verdictOfFailure(r.failure, at(deps), what);
      },
    },
  });
};

const cloud = async (t: CloudTarget, secret: string, deps: BulkDeps, pacer: Pacer): Promise<Result<OpenInstance>> => {
  const workspace = t.workspace;
  if (workspace === undefined) return fail('PROVIDER_RESOURCE_NOT_FOUND', 'Enter the workspace first.');
  const credential = cloudCredentialOf(t, secret);
  if (typeof credential === 'string') return fail('PROVIDER_AUTH_REQUIRED', credential);
  const client = createCloudClient({
    http: pacer.wrap(deps.cloudHttp),
    credential,
    clock: deps.clock,
    sleep: deps.sleep,
    ...(deps.cloudApiRoot === undefined ? {} : { apiRoot: deps.cloudApiRoot }),
    ...(deps.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: deps.maxRetryWaitMs }),
  });
  const limited = (f: ProviderFailure): Result<OpenInstance> => ok({ checks: { rate_limit: rateLimitRecord('bitbucket_cloud', f, deps.clock.now()) }, calls: null, close: nothing });
  const user = await client.user();
  if (!user.ok) {
    if (user.failure.code === 'PROVIDER_RATE_LIMITED') return limited(user.failure);
    return ok({ checks: { auth: { status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED', detail: user.failure.message, checked_at: at(deps) } }, calls: null, close: nothing });
  }
  const u = user.value;
  const identity = { ...(u.display_name === undefined ? {} : { display_name: u.display_name }), ...(u.account_id === undefined ? {} : { account_id: u.account_id }) };
  const checks: CheckResults = { auth: { status: 'ok', identity, checked_at: at(deps) } };
  // The single-target check's ownership rule (membership role). Access tokens prove ownership through
  // one repository and an admin's confirmation; bulk onboarding asks a user credential (API token, OAuth).
  if (credential.method === 'access_token') return fail('PROVIDER_SCOPE_UNAVAILABLE', 'Bulk onboarding of a workspace needs a user credential (API token or OAuth): an access token is bound to one resource.');
  const owned = await membershipOwnership(client, workspace, deps.clock.now());
  if (owned.rateLimit !== undefined) return limited(owned.rateLimit);
  if (owned.record === undefined) return ok({ checks, calls: null, close: nothing });
  checks.workspace = owned.record;
  if (!checks.workspace.customer_owned) return ok({ checks, calls: null, close: nothing });
  return ok({
    checks,
    close: nothing,
    calls: {
      listsPerProject: false,
      list: async (_project, maxPages) => {
        const r = await client.repositories(workspace, maxPages);
        if (!r.ok) return r;
        const items = r.value.items.flatMap((x) => {
          const slug = x.slug ?? x.full_name?.split('/')[1];
          return slug === undefined ? [] : [{ project: x.project?.key ?? workspace, slug, ...(x.name === undefined ? {} : { name: x.name }) }];
        });
        return { ...r, value: { items, truncated: r.value.truncated, pages: r.value.pages } };
      },
      check: async (_project, slug) => {
        const r = await client.repository(workspace, slug);
        const what = `${workspace}/${slug}`;
        return r.ok ? found(undefined, what, at(deps)) : verdictOfFailure(r.failure, at(deps), what);
      },
    },
  });
};

/** The instance checks of a saved target with its keychain credential, and the calls a run makes next. */
export const openInstance = async (target: TargetConfig, deps: BulkDeps, pacer: Pacer, connections: number): Promise<Result<OpenInstance>> => {
  const secret = await deps.secrets.get(accountFor(target.id, 'bitbucket'));
  if (secret === null) return fail('PROVIDER_AUTH_REQUIRED', 'No Bitbucket credential is stored for this target.');
  return isCloud(target) ? cloud(target, secret, deps, pacer) : dataCenter(target, secret, deps, pacer, connections);
};
