import type { z } from 'zod';
import type { JiraHandoff } from '../../../../shared/domain/target';
import type { Clock } from '../../clock/clock';
import type { HttpClient } from '../../net/http-client';
import { DEFAULT_MAX_PAGES, readPages, startAtNext, type Paged } from '../common/pager';
import { parseBody, tryParse } from '../common/parse-body';
import { failed, scrubSecrets, type CallResult } from '../common/provider-result';
import { DEFAULT_MAX_RETRY_WAIT_MS, requestWithRetry, type Sleep } from '../../net/retry-after';
import { networkFailure, responseFailure } from '../common/status-failure';
import { apiBase } from '../../url-safety/syntax';
import {
  JiraCreateMetaIssueTypes,
  JiraErrors,
  JiraMyself,
  JiraProject,
  JiraProjectList,
  JiraProjectSearchPage,
  JiraServerInfo,
  jiraErrorText,
  saysScopeMismatch,
  type JiraIssueType,
  type JiraProjectItem,
} from './jira-schemas';

/**
 * The classic scope each call needs, as Jira Cloud's REST v2 reference lists under "OAuth scopes
 * required" (https://developer.atlassian.com/cloud/jira/platform/rest/v2/): the gateway says only
 * "scope does not match", so the app names the scope of the call that was refused.
 */
const SCOPE_OF_CALL = {
  serverInfo: 'read:jira-user',
  myself: 'read:jira-user',
  project: 'read:jira-work',
  projects: 'read:jira-work',
  issueTypes: 'read:jira-work',
} as const;
type JiraCall = keyof typeof SCOPE_OF_CALL;

/** Jira gives at most 50 issue types a page (Cloud and Data Center alike). */
export const JIRA_ISSUE_TYPES_PAGE = 50;
/** The page size asked of Jira Cloud's project search (its default and the size it answers unasked). */
export const JIRA_PROJECTS_PAGE = 50;

export const ATLASSIAN_API_GATEWAY = 'https://api.atlassian.com';

export interface JiraClientOptions {
  /** The URL-safety client: Jira hosts pass the same checks as Data Center. */
  readonly http: HttpClient;
  readonly handoff: Pick<JiraHandoff, 'flavor' | 'base_url' | 'auth_method' | 'account_email' | 'cloud_id'>;
  readonly secret: string;
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** Overridable for tests; scoped tokens go through `${gateway}/ex/jira/{cloudId}`. */
  readonly gateway?: string;
  readonly maxRetryWaitMs?: number;
  /** The page cap for the issue-type list; tests shrink it. */
  readonly maxPages?: number;
}

export type JiraSetupProblem = { readonly field: 'account_email' | 'cloud_id' | 'auth_method'; readonly message: string };

/** Where the REST calls go: the site for classic API tokens and Data Center, the gateway for scoped tokens. */
export const jiraApiRoot = (h: JiraClientOptions['handoff'], gateway = ATLASSIAN_API_GATEWAY): string | JiraSetupProblem => {
  if (h.flavor === 'data_center') {
    return h.auth_method === 'personal_access_token'
      ? apiBase(h.base_url)
      : { field: 'auth_method', message: 'Jira Data Center uses a personal access token.' };
  }
  if (h.auth_method === 'personal_access_token') return { field: 'auth_method', message: 'Jira Cloud uses an API token with the account e-mail.' };
  if (h.auth_method === 'scoped_api_token') {
    return h.cloud_id === undefined
      ? { field: 'cloud_id', message: "Scoped API tokens need the site's cloud id." }
      : `${gateway.replace(/\/+$/, '')}/ex/jira/${encodeURIComponent(h.cloud_id)}`;
  }
  return apiBase(h.base_url);
};

export const createJiraClient = (options: JiraClientOptions) => {
  const rootOrProblem = jiraApiRoot(options.handoff, options.gateway);
  const h = options.handoff;
  const authorization =
    h.flavor === 'data_center'
      ? `Bearer ${options.secret}`
      : `Basic ${Buffer.from(`${h.account_email ?? ''}:${options.secret}`, 'utf8').toString('base64')}`;
  const policy = { sleep: options.sleep, clock: options.clock, maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS };

  const get = async <S extends z.ZodType>(call: JiraCall, path: string, schema: S, what: string): Promise<CallResult<z.output<S>>> => {
    if (typeof rootOrProblem !== 'string') {
      return failed({ code: 'JIRA_HANDOFF_UNAVAILABLE', message: rootOrProblem.message, details: { field: rootOrProblem.field } });
    }
    const outcome = await requestWithRetry(
      options.http,
      { url: `${rootOrProblem}/rest/api/2${path}`, method: 'GET', headers: { authorization, accept: 'application/json' } },
      policy,
    );
    if (!outcome.ok) return failed(networkFailure(outcome.reason, outcome.detail, true), undefined, outcome.evidence);
    const { response, evidence } = outcome;
    if (response.status < 200 || response.status > 299) {
      const text = scrubSecrets(jiraErrorText(tryParse(response, JiraErrors)), [options.secret, authorization.replace(/^\w+ /, '')]);
      const base = responseFailure(response, text, what, options.clock.now());
      if (!saysScopeMismatch(text)) return failed(base, response, evidence);
      const scope = SCOPE_OF_CALL[call];
      const message = `The Atlassian API gateway refused the token for ${what} (HTTP ${response.status}: scope does not match). The call needs the scope ${scope}: add it to the scoped API token, or check the token and e-mail.`;
      return failed({ ...base, message, details: { missing_scope: scope } }, response, evidence);
    }
    const parsed = parseBody(response, schema, what);
    return parsed.ok ? { ok: true, value: parsed.value, response, evidence } : failed(parsed.failure, response, evidence);
  };

  return {
    apiRoot: typeof rootOrProblem === 'string' ? rootOrProblem : undefined,
    serverInfo: () => get('serverInfo', '/serverInfo', JiraServerInfo, 'the Jira server info'),
    myself: () => get('myself', '/myself', JiraMyself, 'the signed-in Jira user'),
    /**
     * Every project the token can see. Jira Cloud pages `/project/search` (values, startAt,
     * maxResults, total, isLast: jira.js Version3Models.PageProject); Jira Data Center answers
     * `/project` whole, as one array (jira.js server getAllProjects).
     */
    projects: (): Promise<CallResult<Paged<JiraProjectItem>>> =>
      h.flavor === 'data_center'
        ? readPages(0, async () => {
            const all = await get('projects', '/project', JiraProjectList, 'the Jira project list');
            return all.ok ? { ...all, value: { items: all.value, next: undefined } } : all;
          })
        : readPages(
            0,
            async (startAt: number) => {
              const page = await get('projects', `/project/search?startAt=${startAt}&maxResults=${JIRA_PROJECTS_PAGE}`, JiraProjectSearchPage, 'the Jira project list');
              if (!page.ok) return page;
              const next = startAtNext({ ...page.value, startAt: page.value.startAt ?? startAt }, page.value.values.length);
              return { ...page, value: { items: page.value.values, next } };
            },
            options.maxPages ?? DEFAULT_MAX_PAGES,
          ),
    project: (key: string) => get('project', `/project/${encodeURIComponent(key)}`, JiraProject, `Jira project ${key}`),
    /** Every issue type the user may create in the project, page by page (startAt/maxResults). */
    issueTypes: (projectKey: string): Promise<CallResult<Paged<JiraIssueType>>> =>
      readPages(
        0,
        async (startAt: number) => {
          const page = await get(
            'issueTypes',
            `/issue/createmeta/${encodeURIComponent(projectKey)}/issuetypes?startAt=${startAt}&maxResults=${JIRA_ISSUE_TYPES_PAGE}`,
            JiraCreateMetaIssueTypes,
            `the issue types of ${projectKey}`,
          );
          return page.ok ? { ...page, value: { items: page.value.types, next: startAtNext({ ...page.value, startAt: page.value.startAt ?? startAt }, page.value.types.length) } } : page;
        },
        options.maxPages ?? DEFAULT_MAX_PAGES,
      ),
  };
};

export type JiraClient = ReturnType<typeof createJiraClient>;
