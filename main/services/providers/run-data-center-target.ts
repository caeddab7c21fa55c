import type { CheckFinding } from '../../../shared/contract/checks';
import type { CheckResults } from '../../../shared/domain/checks';
import type { DataCenterTarget } from '../../../shared/domain/target';
import { accountFor } from '../secrets/secret-store';
import { checkDataCenterTarget, guardedClient } from '../network-check/network-check';
import { fail } from './common/findings';
import { DEFAULT_MAX_RETRY_WAIT_MS } from '../net/retry-after';
import { createDataCenterClient, type DataCenterClient, type DataCenterCredential } from './data-center/dc-client';
import { ok, type Result } from '../../../shared/contract/define';
import { runDataCenterChecks } from './data-center/dc-checks';
import type { CheckRunDeps } from './provider-deps';
import { secretUse, type CredentialBinding } from '../../../shared/domain/credential-binding';
import { credentialGuard } from './common/credential-guard';
import { asCheckStage, networkOfCall } from '../progress/call-progress';

/** `tokenExpiresOn`: what the access-tokens API said of the token's expiry (null: none); absent when it was not read. */
type Outcome = { checks: CheckResults; findings: CheckFinding[]; tokenExpiresOn?: string | null };

const stop = (code: Parameters<typeof fail>[2], detail: string): Outcome => ({ checks: {}, findings: [fail('instance', 'Bitbucket Data Center instance', code, detail)] });

/** The client credential of a Data Center target and its keychain secret, or why there is none. */
export const dataCenterCredentialOf = (t: DataCenterTarget, secret: string): DataCenterCredential | string => {
  if (t.auth_method === 'http_access_token') return { method: 'http_access_token', token: secret };
  if (t.auth_method === 'basic' && t.username !== undefined) return { method: 'basic', username: t.username, password: secret };
  return t.auth_method === 'basic' ? 'Basic auth needs the user name.' : 'Choose an auth method first.';
};

export type BoundCredential = { readonly ok: true; readonly credential: DataCenterCredential; readonly binding: CredentialBinding } | { readonly ok: false; readonly detail: string };

/**
 * The keychain credential of a Data Center target and the origin it may go to, or why none may be
 * used: none stored, none usable for the auth method, or bound to another origin or CA than the
 * target now names (a secret stored before bindings were kept is bound to the target as it is).
 */
export const boundDataCenterCredential = async (t: DataCenterTarget, deps: CheckRunDeps, bound?: CredentialBinding): Promise<BoundCredential> => {
  const secret = await deps.secrets.get(accountFor(t.id, 'bitbucket'));
  if (secret === null) return { ok: false, detail: 'No Bitbucket Data Center credential is stored for this target.' };
  const use = secretUse(t, 'bitbucket', bound);
  if (!use.usable) return { ok: false, detail: use.reason };
  const credential = dataCenterCredentialOf(t, secret);
  return typeof credential === 'string' ? { ok: false, detail: credential } : { ok: true, credential, binding: use.binding };
};

/**
 * The Data Center client of a target: the URL-safety client (base URL checked again before each
 * call, pinned) behind the credential guard, so the credential reaches only the origin it is bound to.
 */
export const dataCenterClientFor = async (
  t: DataCenterTarget & { readonly base_url: string },
  deps: CheckRunDeps,
  stored: Extract<BoundCredential, { ok: true }>,
): Promise<Result<DataCenterClient>> => {
  const http = await guardedClient(deps.network, t);
  if (!http.ok) return http;
  return ok(
    createDataCenterClient({
      http: credentialGuard(http.value, [stored.binding.origin]),
      baseUrl: t.base_url,
      credential: stored.credential,
      clock: deps.clock,
      sleep: deps.sleep,
      ...(deps.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: deps.maxRetryWaitMs }),
    }),
  );
};

/**
 * The Data Center checks of a saved target. No call is made without an allowlist status. The
 * instance check is the network-check service's, the very one the wizard's check runs (same
 * stages, same call, same records); the credential and repository calls then go through the
 * URL-safety client, which checks the base URL again before each one.
 */
export const runDataCenterTarget = async (t: DataCenterTarget, deps: CheckRunDeps, bound?: CredentialBinding): Promise<Outcome> => {
  if (t.allowlist_status === undefined) return stop('ALLOWLIST_STATUS_MISSING', 'Choose how WebRiskOps reaches the host before any provider call.');
  if (t.base_url === undefined) return stop('PROVIDER_BASE_URL_BLOCKED', 'Enter the Data Center base URL first.');
  if (t.workspace === undefined || t.repository_slug === undefined) return stop('PROVIDER_RESOURCE_NOT_FOUND', 'Enter the project key and repository first.');
  const now = deps.clock.now().toISOString();
  const missing = (detail: string): Outcome => ({
    checks: { auth: { status: 'missing', code: 'PROVIDER_AUTH_REQUIRED', detail, checked_at: now } },
    findings: [fail('auth', 'Credential', 'PROVIDER_AUTH_REQUIRED', detail)],
  });
  const stored = await boundDataCenterCredential(t, deps, bound);
  if (!stored.ok) return missing(stored.detail);
  const { credential } = stored;
  const retry = { sleep: deps.sleep, clock: deps.clock, maxWaitMs: deps.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS };
  // The instance check is a stage of its own within the Bitbucket check: the network check's stages.
  const checked = { ...t, base_url: t.base_url };
  const instance = await asCheckStage(deps.network.call, 'instance', (r: { ok: boolean }) => !r.ok, (within) => checkDataCenterTarget(networkOfCall(deps.network, within), checked, now, retry));
  if (!instance.ok) return stop(instance.error.code, instance.error.message);
  const client = await dataCenterClientFor({ ...t, base_url: t.base_url }, deps, stored);
  if (!client.ok) return stop(client.error.code, client.error.message);
  return runDataCenterChecks(client.value, instance.value, { projectKey: t.workspace, repositorySlug: t.repository_slug, authMethod: credential.method }, () => deps.clock.now());
};
