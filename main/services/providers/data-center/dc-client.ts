import type { z } from 'zod';
import type { Clock } from '../../clock/clock';
import type { HttpClient } from '../../net/http-client';
import { dataCenterNext, readPages, type Paged } from '../common/pager';
import { parseBody, tryParse } from '../common/parse-body';
import { failed, scrubSecrets, type CallResult } from '../common/provider-result';
import { DEFAULT_MAX_RETRY_WAIT_MS, requestWithRetry, type Sleep } from '../../net/retry-after';
import { networkFailure, responseFailure } from '../common/status-failure';
import { ApplicationProperties, API_ROOT_PATH } from '../../network-check/application-properties';
import { apiBase } from '../../url-safety/syntax';
import { DcErrors, DcProjectPage, DcRepository, DcRepositoryPage, dcErrorText, type DcPage, type DcProject } from './dc-schemas';
import { dcAuthRefusal } from './dc-auth-refusals';
import { identityOf, type DcIdentity } from './dc-identity';
import { accessTokenIdOf, accessTokenPath, DcAccessToken, expiryDayOf, userSlugOf } from './dc-token-expiry';

/** The page size the listing asks for; a server may cap it lower (its `limit` answer says so). */
export const DC_PAGE_LIMIT = 100;

export type DataCenterCredential =
  | { readonly method: 'http_access_token'; readonly token: string }
  | { readonly method: 'basic'; readonly username: string; readonly password: string };

export interface DataCenterClientOptions {
  /** The URL-safety client (DNS checked, pinned, redirects checked). Never a plain client in production. */
  readonly http: HttpClient;
  /** The normalised base URL, context path kept (e.g. https://bitbucket.acme.com/bitbucket). */
  readonly baseUrl: string;
  readonly credential: DataCenterCredential;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly maxRetryWaitMs?: number;
}

const authorization = (c: DataCenterCredential): string =>
  c.method === 'http_access_token' ? `Bearer ${c.token}` : `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;

/**
 * The Bitbucket Data Center calls the checks need. Data Center has no issue tracker: this client
 * has no issue method, by design — work for a Data Center target goes to Jira or portable export.
 */
export const createDataCenterClient = (options: DataCenterClientOptions) => {
  const base = apiBase(options.baseUrl);
  const root = `${base}/rest/api/1.0`;
  const policy = { sleep: options.sleep, clock: options.clock, maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS };

  const get = async <S extends z.ZodType>(url: string, schema: S, what: string, authenticated: boolean): Promise<CallResult<z.output<S>>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authenticated) headers.authorization = authorization(options.credential);
    const outcome = await requestWithRetry(options.http, { url, method: 'GET', headers }, policy);
    if (!outcome.ok) return failed(networkFailure(outcome.reason, outcome.detail, true), undefined, outcome.evidence);
    const { response, evidence } = outcome;
    if (response.status < 200 || response.status > 299) {
      const refused = dcAuthRefusal(response, what);
      if (refused !== undefined) return failed(refused, response, evidence);
      const secret = options.credential.method === 'basic' ? options.credential.password : options.credential.token;
      const text = scrubSecrets(dcErrorText(tryParse(response, DcErrors)), [secret, authorization(options.credential).replace(/^\w+ /, '')]);
      return failed(responseFailure(response, text, what, options.clock.now()), response, evidence);
    }
    const parsed = parseBody(response, schema, what);
    return parsed.ok ? { ok: true, value: parsed.value, response, evidence } : failed(parsed.failure, response, evidence);
  };

  /** A Data Center list read page after page (each page once), `limit`/`start` as Data Center pages. */
  const pages = <T>(list: string, schema: z.ZodType<DcPage<T>>, what: string, maxPages: number): Promise<CallResult<Paged<T>>> =>
    readPages(
      0,
      async (start) => {
        const page = await get(`${list}?limit=${DC_PAGE_LIMIT}&start=${start}`, schema, what, true);
        if (!page.ok) return page;
        const next = dataCenterNext(page.value);
        // A next page that does not move forward would loop for ever: a hostile or broken answer.
        if (next !== undefined && next <= start) {
          return failed({ code: 'PROVIDER_RESPONSE_INVALID', message: `The provider's answer to ${what} did not move to a later page.`, status: page.response.status }, page.response, page.evidence);
        }
        // "More remain" without where they start: what was read is all there is to read, and it is not the whole list.
        return { ...page, value: { items: page.value.values, next, cut: next === undefined && !page.value.isLastPage } };
      },
      maxPages,
    );

  return {
    baseUrl: options.baseUrl,
    /**
     * The API root, authenticated: the user the instance saw is in X-AUSERNAME (URL-encoded) and
     * X-AUSERID; undefined when it answered anonymously. (The anonymous identity call is the
     * network check's: main/services/network-check/probe.ts.)
     */
    authenticatedUser: async (): Promise<CallResult<DcIdentity | undefined>> => {
      const r = await get(`${base}${API_ROOT_PATH}`, ApplicationProperties, 'the signed-in user', true);
      return r.ok ? { ...r, value: identityOf(r.response) } : r;
    },
    /**
     * Every repository the credential can see (`/repos`), or those of one project, page after page
     * (each page read once), `limit`/`start` as Data Center pages.
     */
    repositories: (projectKey: string | undefined, maxPages: number): Promise<CallResult<Paged<DcRepository>>> => {
      const list = projectKey === undefined ? `${root}/repos` : `${root}/projects/${encodeURIComponent(projectKey)}/repos`;
      return pages(list, DcRepositoryPage, projectKey === undefined ? 'the repository list' : `the repositories of ${projectKey}`, maxPages);
    },
    /** Every project the credential can see (`/projects`), paged as the repositories are. */
    projects: (maxPages: number): Promise<CallResult<Paged<DcProject>>> => pages(`${root}/projects`, DcProjectPage, 'the project list', maxPages),
    /**
     * The HTTP access token's expiry as Bitbucket reports it (null: it does not expire), or
     * undefined when this token or user cannot be looked up (dc-token-expiry.ts says when).
     */
    accessTokenExpiry: async (username: string): Promise<CallResult<string | null> | undefined> => {
      if (options.credential.method !== 'http_access_token') return undefined;
      const id = accessTokenIdOf(options.credential.token);
      const slug = userSlugOf(username);
      if (id === undefined || slug === undefined) return undefined;
      const r = await get(`${base}${accessTokenPath(slug, id)}`, DcAccessToken, 'the access token', true);
      return r.ok ? { ...r, value: expiryDayOf(r.value) } : r;
    },
    repository: (projectKey: string, slug: string) =>
      get(`${root}/projects/${encodeURIComponent(projectKey)}/repos/${encodeURIComponent(slug)}`, DcRepository, `repository ${projectKey}/${slug}`, true),
  };
};

export type DataCenterClient = ReturnType<typeof createDataCenterClient>;
