import type { z } from 'zod';
import type { JiraHandoff } from '../../../../shared/domain/target';
import type { Clock } from '../../clock/clock';
import type { HttpClient } from '../../net/http-client';
import { parseBody, tryParse } from '../common/parse-body';
import { failed, scrubSecrets, type CallResult } from '../common/provider-result';
import { DEFAULT_MAX_RETRY_WAIT_MS, requestWithRetry, type Sleep } from '../common/retry-after';
import { networkFailure, statusFailure } from '../common/status-failure';
import { JiraCreateMetaIssueTypes, JiraErrors, JiraMyself, JiraProject, JiraServerInfo, jiraErrorText } from './jira-schemas';

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
}

export type JiraSetupProblem = { readonly field: 'account_email' | 'cloud_id' | 'auth_method'; readonly message: string };

/** Where the REST calls go: the site for classic API tokens and Data Center, the gateway for scoped tokens. */
export const jiraApiRoot = (h: JiraClientOptions['handoff'], gateway = ATLASSIAN_API_GATEWAY): string | JiraSetupProblem => {
  if (h.flavor === 'data_center') {
    return h.auth_method === 'personal_access_token'
      ? h.base_url.replace(/\/+$/, '')
      : { field: 'auth_method', message: 'Jira Data Center uses a personal access token.' };
  }
  if (h.auth_method === 'personal_access_token') return { field: 'auth_method', message: 'Jira Cloud uses an API token with the account e-mail.' };
  if (h.auth_method === 'scoped_api_token') {
    return h.cloud_id === undefined
      ? { field: 'cloud_id', message: "Scoped API tokens need the site's cloud id." }
      : `${gateway.replace(/\/+$/, '')}/ex/jira/${encodeURIComponent(h.cloud_id)}`;
  }
  return h.base_url.replace(/\/+$/, '');
};

export const createJiraClient = (options: JiraClientOptions) => {
  const rootOrProblem = jiraApiRoot(options.handoff, options.gateway);
  const h = options.handoff;
  const authorization =
    h.flavor === 'data_center'
      ? `Bearer ${options.secret}`
      : `Basic ${Buffer.from(`${h.account_email ?? ''}:${options.secret}`, 'utf8').toString('base64')}`;
  const policy = { sleep: options.sleep, clock: options.clock, maxWaitMs: options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS };

  const get = async <S extends z.ZodType>(path: string, schema: S, what: string): Promise<CallResult<z.output<S>>> => {
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
      return failed(statusFailure(response.status, text, what), response, evidence);
    }
    const parsed = parseBody(response, schema, what);
    return parsed.ok ? { ok: true, value: parsed.value, response, evidence } : failed(parsed.failure, response, evidence);
  };

  return {
    apiRoot: typeof rootOrProblem === 'string' ? rootOrProblem : undefined,
    serverInfo: () => get('/serverInfo', JiraServerInfo, 'the Jira server info'),
    myself: () => get('/myself', JiraMyself, 'the signed-in Jira user'),
    project: (key: string) => get(`/project/${encodeURIComponent(key)}`, JiraProject, `Jira project ${key}`),
    issueTypes: (projectKey: string) =>
      get(`/issue/createmeta/${encodeURIComponent(projectKey)}/issuetypes`, JiraCreateMetaIssueTypes, `the issue types of ${projectKey}`),
  };
};

export type JiraClient = ReturnType<typeof createJiraClient>;
