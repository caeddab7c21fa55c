import type { z } from 'zod';
import { BITBUCKET_CLOUD_API_ROOT } from '../../../../shared/domain/vocabulary';
import type { Clock } from '../../clock/clock';
import type { HttpClient, HttpResponse } from '../../net/http-client';
import { DEFAULT_MAX_PAGES, readPages, type Paged } from '../common/pager';
import { parseBody, tryParse } from '../common/parse-body';
import { failed, scrubSecrets, type CallResult, type ProviderFailure } from '../common/provider-result';
import { DEFAULT_MAX_RETRY_WAIT_MS, requestWithRetry, type Sleep } from '../../net/retry-after';
import { networkFailure, responseFailure } from '../common/status-failure';
import { appPasswordExplanation, authorizationFor, HOW_TO_CREATE_API_TOKEN, type CloudCredential } from './cloud-credential';
import { parseScopeHeader } from './cloud-scopes';
import {
  CloudAccount,
  CloudComponents,
  type CloudComponent,
  CloudError,
  CloudIssues,
  CloudRepositories,
  CloudRepository,
  CloudWorkspaceMembership,
  errorTextOf,
  scopeListsOf,
} from './cloud-schemas';

export interface CloudClientOptions {
  /** A plain client bound to the Cloud API origin (see fixed-origin-client.ts); tests bind it to a simulator. */
  readonly http: HttpClient;
  readonly credential: CloudCredential;
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** Overridable for tests; production uses the fixed Bitbucket Cloud API root. */
  readonly apiRoot?: string;
  readonly maxRetryWaitMs?: number;
  /** The page cap for lists (components); tests shrink it. */
  readonly maxPages?: number;
}

/** The most Bitbucket gives per page (the `pagelen` description in the published schema). */
export const CLOUD_MAX_PAGELEN = 100;

const seg = (s: string): string => encodeURIComponent(s);

const secretsOf = (c: CloudCredential): string[] =>
  c.method === 'api_token' ? [c.token] : c.method === 'oauth' ? [c.accessToken] : c.method === 'access_token' ? [c.token] : [c.password];

/** The Bitbucket Cloud calls the checks need, each answering a parsed value or a coded failure. */
export const createCloudClient = (options: CloudClientOptions) => {
  const root = (options.apiRoot ?? BITBUCKET_CLOUD_API_ROOT).replace(/\/+$/, '');
  const policy = { sleep: options.sleep, clock: options.clock, maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS };

  const refine = (response: HttpResponse, what: string): ProviderFailure => {
    const body = tryParse(response, CloudError);
    const text = scrubSecrets(errorTextOf(body), [authorizationFor(options.credential).replace(/^\w+ /, ''), ...secretsOf(options.credential)]);
    const base = responseFailure(response, text, what, options.clock.now());
    if (response.status === 401) {
      return options.credential.method === 'app_password'
        ? { ...base, message: `Bitbucket Cloud rejected the app password. ${appPasswordExplanation()}` }
        : { ...base, message: `${base.message} ${options.credential.method === 'oauth' ? 'Reconnect OAuth.' : HOW_TO_CREATE_API_TOKEN}` };
    }
    if (response.status === 403) {
      // The scope the endpoint needs comes from x-accepted-oauth-scopes where sent, else the body's lists.
      const fromBody = scopeListsOf(body);
      const accepted = parseScopeHeader(response.headers['x-accepted-oauth-scopes']);
      if (fromBody === undefined && accepted.length === 0) return base;
      const required = [...new Set([...accepted, ...(fromBody?.required ?? [])])];
      const granted = fromBody !== undefined && fromBody.granted.length > 0 ? fromBody.granted : parseScopeHeader(response.headers['x-oauth-scopes']);
      return { ...base, scopes: { required, granted } };
    }
    return base;
  };

  const getUrl = async <S extends z.ZodType>(url: string, schema: S, what: string): Promise<CallResult<z.output<S>>> => {
    const outcome = await requestWithRetry(
      options.http,
      { url, method: 'GET', headers: { authorization: authorizationFor(options.credential), accept: 'application/json' } },
      policy,
    );
    if (!outcome.ok) return failed(networkFailure(outcome.reason, outcome.detail, false), undefined, outcome.evidence);
    const { response, evidence } = outcome;
    if (response.status < 200 || response.status > 299) return failed(refine(response, what), response, evidence);
    const parsed = parseBody(response, schema, what);
    return parsed.ok ? { ok: true, value: parsed.value, response, evidence } : failed(parsed.failure, response, evidence);
  };
  const get = <S extends z.ZodType>(path: string, schema: S, what: string, query = ''): Promise<CallResult<z.output<S>>> => getUrl(`${root}${path}${query}`, schema, what);

  /**
   * A Cloud list under `base`, following `next` (each page read once). A `next` outside the list,
   * or one that names the page just read, is a hostile answer and is not followed.
   */
  const pagedList = <T>(base: string, schema: z.ZodType<{ values: T[]; next?: string | undefined }>, what: string, maxPages: number): Promise<CallResult<Paged<T>>> =>
    readPages(
      `${base}?pagelen=${CLOUD_MAX_PAGELEN}`,
      async (url: string) => {
        const page = await getUrl(url, schema, what);
        if (!page.ok) return page;
        const next = page.value.next;
        if (next !== undefined && (!next.startsWith(`${base}?`) || next === url)) {
          return failed({ code: 'PROVIDER_RESPONSE_INVALID', message: `The provider's answer to ${what} pointed its next page outside the list.`, status: page.response.status }, page.response, page.evidence);
        }
        return { ...page, value: { items: page.value.values, next } };
      },
      maxPages,
    );

  /** Every component of a repository. */
  const components = (workspace: string, slug: string): Promise<CallResult<Paged<CloudComponent>>> =>
    pagedList(`${root}/repositories/${seg(workspace)}/${seg(slug)}/components`, CloudComponents, `the components of ${workspace}/${slug}`, options.maxPages ?? DEFAULT_MAX_PAGES);

  /** Every repository of a workspace (bulk onboarding). */
  const repositories = (workspace: string, maxPages: number): Promise<CallResult<Paged<CloudRepository>>> =>
    pagedList(`${root}/repositories/${seg(workspace)}`, CloudRepositories, `the repositories of ${workspace}`, maxPages);

  return {
    apiRoot: root,
    repositories,
    credentialMethod: options.credential.method,
    user: () => get('/user', CloudAccount, 'the signed-in user'),
    workspacePermission: (workspace: string) =>
      get(`/user/workspaces/${seg(workspace)}/permission`, CloudWorkspaceMembership, `workspace ${workspace}`),
    repository: (workspace: string, slug: string) =>
      get(`/repositories/${seg(workspace)}/${seg(slug)}`, CloudRepository, `repository ${workspace}/${slug}`),
    components,
    /** A read-only probe of the issue endpoint: a working tracker answers 200, a retired one 404 or 410. */
    issuesProbe: (workspace: string, slug: string) =>
      get(`/repositories/${seg(workspace)}/${seg(slug)}/issues`, CloudIssues, `the issues of ${workspace}/${slug}`, '?pagelen=1'),
  };
};

export type CloudClient = ReturnType<typeof createCloudClient>;
