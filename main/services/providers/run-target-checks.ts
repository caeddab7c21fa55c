import type { CheckFinding } from '../../../shared/contract/checks';
import type { CheckResults } from '../../../shared/domain/checks';
import { isCloud, type TargetConfig } from '../../../shared/domain/target';
import { readTargetSecrets, targetScrubber } from '../scrub/target-secrets';
import { RUN_OWNS, type CheckName } from './check-groups';
import type { CheckRunDeps } from './provider-deps';
import type { CredentialBindings } from '../../../shared/domain/credential-binding';
import { runCloudTarget } from './run-cloud-target';
import { runDataCenterTarget } from './run-data-center-target';
import { runTargetJiraCheck } from './run-jira-check';
import { asCheckStage, findingsFailed, networkOfCall, type CallProgress } from '../progress/call-progress';

/** The run's deps with the network of one of its checks (its stages marked as part of that check). */
const depsWithin = (deps: CheckRunDeps, call: CallProgress | undefined): CheckRunDeps => ({ ...deps, network: networkOfCall(deps.network, call) });


/**
 * Every provider check for a target: Bitbucket Cloud or Data Center, then the Jira handoff when
 * one is configured. `previous` is what is stored. A Data Center run replaces url_safety too: its
 * calls go through the URL-safety client, so their outcome is a fresh URL-safety verdict.
 */
export const runTargetChecks = async (
  target: TargetConfig,
  previous: CheckResults,
  deps: CheckRunDeps,
  /** What the stored secrets were entered for; absent (secrets stored before bindings were kept): the target as it is. */
  bindings?: CredentialBindings,
): Promise<{ checks: CheckResults; findings: CheckFinding[]; oauthRefreshedAt?: string; tokenExpiresOn?: string | null }> => {
  // Read before the run as well: an OAuth refresh during it replaces the stored access token.
  const before = await readTargetSecrets(deps.secrets, target.id);
  const call = deps.network.call;
  const provider: { checks: CheckResults; findings: CheckFinding[]; oauthRefreshedAt?: string; tokenExpiresOn?: string | null } = await asCheckStage(call, 'bitbucket', findingsFailed, (within) =>
    isCloud(target) ? runCloudTarget(target, depsWithin(deps, within)) : runDataCenterTarget(target, depsWithin(deps, within), bindings?.bitbucket),
  );
  const owned = RUN_OWNS[isCloud(target) ? 'cloud' : 'data_center'];
  const kept = Object.fromEntries(Object.entries(previous).filter(([k]) => !owned.includes(k as CheckName))) as CheckResults;
  const checks: CheckResults = { ...kept, ...provider.checks };
  const findings = [...provider.findings];
  // No Jira handoff: no Jira stage either.
  const jira = target.jira === undefined ? undefined : await asCheckStage(call, 'jira', findingsFailed, (within) => runTargetJiraCheck(target, depsWithin(deps, within), bindings?.jira));
  if (jira !== undefined) {
    checks.jira = jira.jira;
    findings.push(...jira.findings);
  }
  // Every string a provider sent (headers such as X-AUSERNAME, bodies, messages) is in these
  // records; they are scrubbed here, once, before anything stores, shows, logs or signs them.
  const scrub = await targetScrubber(deps.secrets, target, before);
  return {
    ...scrub.deep({ checks, findings }),
    ...(provider.oauthRefreshedAt === undefined ? {} : { oauthRefreshedAt: provider.oauthRefreshedAt }),
    ...(provider.tokenExpiresOn === undefined ? {} : { tokenExpiresOn: provider.tokenExpiresOn }),
  };
};
