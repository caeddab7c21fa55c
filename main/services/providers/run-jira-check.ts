import type { CheckFinding } from '../../../shared/contract/checks';
import type { JiraCheck } from '../../../shared/domain/checks';
import type { JiraHandoff, TargetConfig } from '../../../shared/domain/target';
import { fail as failed, ok, type Result } from '../../../shared/contract/define';
import { targetScrubber } from '../scrub/target-secrets';
import { accountFor } from '../secrets/secret-store';
import { guardedClient } from '../network-check/network-check';
import { fail } from './common/findings';
import { runJiraHandoff } from './jira/jira-handoff-run';
import type { CheckRunDeps } from './provider-deps';
import { originOf, secretUse, type CredentialBinding } from '../../../shared/domain/credential-binding';
import { credentialGuard } from './common/credential-guard';
import { ATLASSIAN_API_GATEWAY, type JiraClientOptions } from './jira/jira-client';

/**
 * The Jira client options of a target with its keychain secret: the URL-safety client behind the
 * credential guard, so the token reaches only the Jira site it was entered for (and, for Jira
 * Cloud, Atlassian's API gateway). PROVIDER_AUTH_REQUIRED when no token is stored or it is bound
 * elsewhere; the URL-safety client's own code when the host may not be reached.
 */
export const jiraClientOptionsFor = async (target: TargetConfig, handoff: JiraHandoff, deps: CheckRunDeps, bound?: CredentialBinding): Promise<Result<JiraClientOptions>> => {
  const secret = await deps.secrets.get(accountFor(target.id, 'jira'));
  if (secret === null) return failed('PROVIDER_AUTH_REQUIRED', 'No Jira credential is stored for this target.');
  const use = secretUse(target, 'jira', bound);
  if (!use.usable) return failed('PROVIDER_AUTH_REQUIRED', use.reason);
  const http = await guardedClient(deps.network, target);
  if (!http.ok) return http;
  return ok({
    http: credentialGuard(http.value, [use.binding.origin, ...(handoff.flavor === 'cloud' ? [originOf(deps.jiraGateway ?? ATLASSIAN_API_GATEWAY)] : [])]),
    handoff,
    secret,
    clock: deps.clock,
    sleep: deps.sleep,
    ...(deps.jiraGateway === undefined ? {} : { gateway: deps.jiraGateway }),
    ...(deps.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: deps.maxRetryWaitMs }),
  });
};

/** The Jira handoff of a target, with its keychain secret; undefined when the target has no Jira handoff. */
export const runTargetJiraCheck = async (target: TargetConfig, deps: CheckRunDeps, bound?: CredentialBinding): Promise<{ jira: JiraCheck; findings: CheckFinding[] } | undefined> => {
  const handoff = target.jira;
  if (handoff === undefined) return undefined;
  const now = () => deps.clock.now();
  const options = await jiraClientOptionsFor(target, handoff, deps, bound);
  if (!options.ok) {
    // No usable token is a credential problem; anything else stopped the connection before a call.
    const title = options.error.code === 'PROVIDER_AUTH_REQUIRED' ? 'Jira credential' : 'Jira connection';
    return {
      jira: { status: 'blocked', code: options.error.code, detail: options.error.message, checked_at: now().toISOString() },
      findings: [fail('jira', title, options.error.code, options.error.message)],
    };
  }
  const run = await runJiraHandoff(options.value, {
    ...(handoff.project_key === undefined ? {} : { projectKey: handoff.project_key }),
    ...(handoff.issue_type === undefined ? {} : { issueType: handoff.issue_type }),
  });
  // What Jira said, scrubbed of every secret of the target before it is stored or shown.
  return (await targetScrubber(deps.secrets, target)).deep(run);
};
