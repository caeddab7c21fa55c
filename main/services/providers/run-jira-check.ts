import type { CheckFinding } from '../../../shared/contract/checks';
import type { JiraCheck } from '../../../shared/domain/checks';
import type { TargetConfig } from '../../../shared/domain/target';
import { targetScrubber } from '../scrub/target-secrets';
import { accountFor } from '../secrets/secret-store';
import { guardedClient } from '../network-check/network-check';
import { fail } from './common/findings';
import { runJiraHandoff } from './jira/jira-handoff-run';
import type { CheckRunDeps } from './provider-deps';
import { originOf, secretUse, type CredentialBinding } from '../../../shared/domain/credential-binding';
import { credentialGuard } from './common/credential-guard';
import { ATLASSIAN_API_GATEWAY } from './jira/jira-client';

/** The Jira handoff of a target, with its keychain secret; undefined when the target has no Jira handoff. */
export const runTargetJiraCheck = async (target: TargetConfig, deps: CheckRunDeps, bound?: CredentialBinding): Promise<{ jira: JiraCheck; findings: CheckFinding[] } | undefined> => {
  const handoff = target.jira;
  if (handoff === undefined) return undefined;
  const now = () => deps.clock.now();
  const secret = await deps.secrets.get(accountFor(target.id, 'jira'));
  if (secret === null) {
    const detail = 'No Jira credential is stored for this target.';
    return {
      jira: { status: 'blocked', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: now().toISOString() },
      findings: [fail('jira', 'Jira credential', 'PROVIDER_AUTH_REQUIRED', detail)],
    };
  }
  // The token goes only where it was entered for: the Jira site (and, for Jira Cloud, Atlassian's API gateway).
  const use = secretUse(target, 'jira', bound);
  if (!use.usable) {
    const detail = use.reason;
    return { jira: { status: 'blocked', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: now().toISOString() }, findings: [fail('jira', 'Jira credential', 'PROVIDER_AUTH_REQUIRED', detail)] };
  }
  const http = await guardedClient(deps.network, target);
  if (!http.ok) {
    return {
      jira: { status: 'blocked', code: http.error.code, detail: http.error.message, checked_at: now().toISOString() },
      findings: [fail('jira', 'Jira connection', http.error.code, http.error.message)],
    };
  }
  const run = await runJiraHandoff(
    {
    http: credentialGuard(http.value, [use.binding.origin, ...(handoff.flavor === 'cloud' ? [originOf(deps.jiraGateway ?? ATLASSIAN_API_GATEWAY)] : [])]),
    handoff,
    secret,
    clock: deps.clock,
    sleep: deps.sleep,
    ...(deps.jiraGateway === undefined ? {} : { gateway: deps.jiraGateway }),
    ...(deps.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: deps.maxRetryWaitMs }),
    },
    { ...(handoff.project_key === undefined ? {} : { projectKey: handoff.project_key }), ...(handoff.issue_type === undefined ? {} : { issueType: handoff.issue_type }) },
  );
  // What Jira said, scrubbed of every secret of the target before it is stored or shown.
  return (await targetScrubber(deps.secrets, target)).deep(run);
};
