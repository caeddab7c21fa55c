import { fail, ok, type Result } from '../../../shared/contract/define';
import type { ChecksRun } from '../../../shared/contract/checks';
import type { CheckRunDeps } from '../providers/provider-deps';
import { runTargetJiraCheck } from '../providers/run-jira-check';
import { runTargetChecks } from '../providers/run-target-checks';
import type { SettingsStore } from '../settings/settings-store';
import { readTokenExpiry, refreshTokenIssued, updateCredentialMeta } from './credential-meta';
import { loadTarget, storeChecks } from './stored-targets';
import { freshRecord } from './target-records';
import { asCheckStage, CANCELLED_MESSAGE as CANCELLED, findingsFailed, isCancelled, networkOfCall } from '../progress/call-progress';

// A check run of a saved target: run, store what it saw, answer the fresh record with the lines
// of the run. The record is the target as stored afterwards, so the caller shows what is true.

// A malformed HTTPS_PROXY / NO_PROXY is the machine's fault, not the target's: the run is refused
// (PROXY_CONFIG_INVALID) before any call, and the stored checks stay as they were.

export const runStoredChecks = async (settings: SettingsStore, deps: CheckRunDeps, targetId: string): Promise<Result<ChecksRun>> => {
  if (!deps.network.proxy.ok) return deps.network.proxy;
  const found = await loadTarget(settings, targetId);
  if (!found.ok) return found;
  const { target } = found.value;
  const run = await runTargetChecks(target, found.value.checks, deps, found.value.credential_binding);
  if (run.oauthRefreshedAt !== undefined) {
    // The refresh token was used and replaced: its 3 months unused count from now.
    const at = run.oauthRefreshedAt;
    const meta = await updateCredentialMeta(settings, target.id, (m) => ({ ...m, bitbucket_refresh: refreshTokenIssued(at) }));
    if (!meta.ok) return meta;
  }
  if (run.tokenExpiresOn !== undefined) {
    // Bitbucket Data Center said when the HTTP access token expires: that date, not an assumption or a question.
    const on = run.tokenExpiresOn;
    const meta = await updateCredentialMeta(settings, target.id, (m) => ({ ...m, bitbucket: readTokenExpiry(m.bitbucket, on, deps.clock.now().toISOString()) }));
    if (!meta.ok) return meta;
  }
  // Cancelled: the checks it saw stay unstored (the credential facts above are the keychain's, and true).
  if (isCancelled(deps.network.call)) return fail('CHECK_CANCELLED', CANCELLED);
  const stored = await storeChecks(settings, target, () => run.checks);
  if (!stored.ok) return stored;
  return ok({ record: await freshRecord(deps.secrets, stored.value), findings: run.findings });
};

export const runStoredJiraCheck = async (settings: SettingsStore, deps: CheckRunDeps, targetId: string): Promise<Result<ChecksRun>> => {
  if (!deps.network.proxy.ok) return deps.network.proxy;
  const found = await loadTarget(settings, targetId);
  if (!found.ok) return found;
  const { target } = found.value;
  const bound = found.value.credential_binding?.jira;
  const run = target.jira === undefined ? undefined : await asCheckStage(deps.network.call, 'jira', findingsFailed, (within) => runTargetJiraCheck(target, { ...deps, network: networkOfCall(deps.network, within) }, bound));
  if (run === undefined) return fail('JIRA_HANDOFF_UNAVAILABLE', 'This target has no Jira handoff configured yet.');
  if (isCancelled(deps.network.call)) return fail('CHECK_CANCELLED', CANCELLED);
  const stored = await storeChecks(settings, target, (checks) => ({ ...checks, jira: run.jira }));
  if (!stored.ok) return stored;
  return ok({ record: await freshRecord(deps.secrets, stored.value), findings: run.findings });
};
