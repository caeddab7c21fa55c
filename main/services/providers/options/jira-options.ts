import { fail, type Result } from '../../../../shared/contract/define';
import type { ProviderOptions } from '../../../../shared/contract/provider-options';
import type { JiraHandoff } from '../../../../shared/domain/target';
import { targetScrubber } from '../../scrub/target-secrets';
import type { StoredTarget } from '../../settings/settings-data';
import type { Paged } from '../common/pager';
import type { CallResult } from '../common/provider-result';
import { createJiraClient, JIRA_ISSUE_TYPES_PAGE, JIRA_PROJECTS_PAGE, type JiraClient } from '../jira/jira-client';
import { resolveCloudId } from '../jira/jira-handoff-run';
import type { CheckRunDeps } from '../provider-deps';
import { jiraClientOptionsFor } from '../run-jira-check';
import { optionsOf, pagesFor, type OptionOf } from './option-list';

// Jira projects and issue types for the route step's fields, with the target's keychain token,
// through the client the Jira check uses (URL-safety client, credential guard: a token bound to
// another site is withheld). Jira Cloud pages `/project/search`; Jira Data Center answers `/project` whole.

/**
 * Where the calls go. A scoped token needs the site's cloud id: the one entered, else the one the
 * Jira check found through the gateway, else the site's own /_edge/tenant_info (as the check reads it).
 */
const handoffFor = async (stored: StoredTarget, handoff: JiraHandoff, http: Parameters<typeof resolveCloudId>[0]): Promise<JiraHandoff | undefined> => {
  const found = stored.checks.jira;
  if (handoff.flavor !== 'cloud' || handoff.cloud_id !== undefined) return handoff;
  if (found?.via_gateway === true && found.cloud_id !== undefined) return { ...handoff, auth_method: 'scoped_api_token', cloud_id: found.cloud_id };
  if (handoff.auth_method !== 'scoped_api_token') return handoff;
  const cloudId = await resolveCloudId(http, handoff.base_url);
  return cloudId === undefined ? undefined : { ...handoff, cloud_id: cloudId };
};

const listWith = async <T>(stored: StoredTarget, deps: CheckRunDeps, maxPages: number, list: (client: JiraClient) => Promise<CallResult<Paged<T>>>, toOption: OptionOf<T>): Promise<Result<ProviderOptions>> => {
  const t = stored.target;
  const handoff = t.jira;
  if (handoff === undefined) return fail('JIRA_HANDOFF_UNAVAILABLE', 'Enter the Jira site and token first.');
  const options = await jiraClientOptionsFor(t, handoff, deps, stored.credential_binding?.jira);
  if (!options.ok) return options;
  const routed = await handoffFor(stored, handoff, options.value.http);
  if (routed === undefined) return fail('JIRA_HANDOFF_UNAVAILABLE', "The site's cloud id could not be read from its /_edge/tenant_info: enter it by hand (scoped API tokens need it).");
  const client = createJiraClient({ ...options.value, handoff: routed, maxPages });
  return optionsOf(await list(client), toOption, await targetScrubber(deps.secrets, t));
};

/** The projects the stored Jira token can see. */
export const jiraProjectOptions = (stored: StoredTarget, deps: CheckRunDeps): Promise<Result<ProviderOptions>> =>
  listWith(stored, deps, pagesFor(JIRA_PROJECTS_PAGE), (c) => c.projects(), (p) => ({ key: p.key, name: p.name }));

/**
 * The issue types the token may create in one project (create metadata). Sub-task types are left
 * out: a sub-task needs a parent issue, which WebRiskOps does not give.
 */
export const jiraIssueTypeOptions = (stored: StoredTarget, deps: CheckRunDeps, projectKey: string): Promise<Result<ProviderOptions>> =>
  listWith(stored, deps, pagesFor(JIRA_ISSUE_TYPES_PAGE), (c) => c.issueTypes(projectKey), (type) => ({ key: type.subtask === true ? '' : type.name, name: type.name }));
