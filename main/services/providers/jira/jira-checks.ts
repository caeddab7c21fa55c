import type { CheckFinding } from '../../../../shared/contract/checks';
import { BlockReason, type JiraCheck, type UrlSafetyCheck } from '../../../../shared/domain/checks';
import type { ErrorCode } from '../../../../shared/errors/codes';
import { fail, failFrom, pass } from '../common/findings';
import type { ProviderFailure } from '../common/provider-result';
import { truncationNote } from '../common/pager';
import { rateLimitRecord } from '../../net/rate-limit';
import type { JiraClient } from './jira-client';

export interface JiraCheckInput {
  readonly projectKey?: string;
  readonly issueType?: string;
}

/** Auth and URL-safety failures keep their own codes; everything else about the handoff is JIRA_HANDOFF_UNAVAILABLE. */
const codeOf = (f: ProviderFailure): ErrorCode =>
  f.code === 'PROVIDER_AUTH_REQUIRED' || f.code === 'PROVIDER_BASE_URL_BLOCKED' || f.code === 'PROVIDER_RATE_LIMITED' ? f.code : 'JIRA_HANDOFF_UNAVAILABLE';

/** Reachability and version, identity, project, issue type — in that order, stopping at the first failure. */
export const runJiraChecks = async (client: JiraClient, input: JiraCheckInput, now: () => Date): Promise<{ jira: JiraCheck; findings: CheckFinding[] }> => {
  const findings: CheckFinding[] = [];
  const at = () => now().toISOString();
  const blocked = (title: string, f: ProviderFailure, partial: Partial<JiraCheck> = {}) => {
    const code = codeOf(f);
    findings.push(failFrom('jira', title, { ...f, code }));
    const rate_limit = code === 'PROVIDER_RATE_LIMITED' ? rateLimitRecord('jira', f, now()) : undefined;
    return { jira: { ...partial, status: 'blocked' as const, code, detail: f.message, ...(rate_limit === undefined ? {} : { rate_limit }), checked_at: at() }, findings };
  };

  const info = await client.serverInfo();
  if (!info.ok) {
    // The URL-safety client refused the Jira host: record its verdict with the reason.
    const reason = BlockReason.safeParse(info.failure.details?.reason);
    const url_safety: UrlSafetyCheck | undefined =
      info.failure.code === 'PROVIDER_BASE_URL_BLOCKED' && reason.success
        ? { status: 'blocked', reason: reason.data, detail: info.failure.message, addresses: [...(info.evidence?.addresses ?? [])], checked_at: at() }
        : undefined;
    return blocked('Jira server', info.failure, url_safety === undefined ? {} : { url_safety });
  }
  // Every call goes through the URL-safety client: an answer means the host passed its stages.
  const url_safety: UrlSafetyCheck = { status: 'passed', ...(client.apiRoot === undefined ? {} : { normalized: client.apiRoot }), addresses: [...info.evidence.addresses], checked_at: at() };
  const server = { version: info.value.version, ...(info.value.deploymentType === undefined ? {} : { deployment_type: info.value.deploymentType }) };
  findings.push(pass('jira', 'Jira server', `Jira ${server.deployment_type ?? ''} ${server.version} reached.`.replace(/\s+/g, ' '), server));

  const me = await client.myself();
  if (!me.ok) return blocked('Jira credential', me.failure, { server, url_safety });
  const identity = {
    ...(me.value.displayName === undefined ? {} : { display_name: me.value.displayName }),
    ...(me.value.accountId === undefined ? {} : { account_id: me.value.accountId }),
    ...(me.value.name === undefined ? {} : { username: me.value.name }),
  };
  findings.push(pass('jira', 'Jira credential', `Signed in to Jira as ${identity.display_name ?? identity.username ?? 'the token user'}.`));

  if (input.projectKey === undefined) {
    return blocked('Jira project', { code: 'JIRA_HANDOFF_UNAVAILABLE', message: 'Choose the Jira project that will receive the work.' }, { server, identity, url_safety });
  }
  const project = await client.project(input.projectKey);
  if (!project.ok) {
    const f = project.failure.status === 404 ? { ...project.failure, message: `Jira project ${input.projectKey} does not exist, or the credential cannot see it.` } : project.failure;
    return blocked('Jira project', f, { server, identity, url_safety });
  }
  const projectRec = { key: project.value.key, name: project.value.name };
  findings.push(pass('jira', 'Jira project', `Project ${projectRec.key} (${projectRec.name}).`));

  if (input.issueType === undefined) {
    return blocked('Jira issue type', { code: 'JIRA_HANDOFF_UNAVAILABLE', message: 'Choose the issue type to create.' }, { server, identity, project: projectRec, url_safety });
  }
  const types = await client.issueTypes(input.projectKey);
  if (!types.ok) return blocked('Jira issue type', types.failure, { server, identity, project: projectRec, url_safety });
  const wanted = input.issueType.toLowerCase();
  const match = types.value.items.find((t) => t.name.toLowerCase() === wanted || t.id === input.issueType);
  if (match === undefined) {
    const available = types.value.items.map((t) => t.name);
    const note = truncationNote(types.value, 'issue types');
    findings.push(
      fail('jira', 'Jira issue type', 'JIRA_HANDOFF_UNAVAILABLE', `Issue type "${input.issueType}" cannot be created in ${input.projectKey}.${note}`, {
        available,
        ...(types.value.truncated ? { truncated_at: available.length } : {}),
      }),
    );
    return {
      jira: { status: 'blocked', code: 'JIRA_HANDOFF_UNAVAILABLE', detail: `Issue type "${input.issueType}" is not available in ${input.projectKey}.`, server, identity, project: projectRec, url_safety, checked_at: at() },
      findings,
    };
  }
  findings.push(pass('jira', 'Jira issue type', `Issue type ${match.name} can be created in ${projectRec.key}.`));
  return { jira: { status: 'ok', server, identity, project: projectRec, issue_type: { id: match.id, name: match.name }, url_safety, checked_at: at() }, findings };
};
