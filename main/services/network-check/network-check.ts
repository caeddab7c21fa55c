import { ok, type Result } from '../../../shared/contract/define';
import type { DataCenterTarget, TargetConfig } from '../../../shared/domain/target';
import type { HttpClient } from '../net/http-client';
import type { Network } from '../net/network';
import { createSafeHttpClient, type SafeClientOptions } from '../net/safe-http-client';
import { retryOn429, type RetryPolicy } from '../net/retry-after';
import { createSessionHttpClient, type SessionHttpClient } from '../net/session-http-client';
import { parseCaPem } from '../tls/ca-loader';
import { checkUrl } from '../url-safety/check-url';
import { policyFor, type AddressPolicy } from '../url-safety/policy';
import { runProbe, type ProbeResult } from './probe';
import { toTargetChecks, toUrlSafetyCheck, type TargetNetworkChecks } from './to-checks';
import type { UrlVerdict } from '../url-safety/verdict';
import { stageTracker } from '../progress/call-progress';

// The one Data Center / Jira network-check service. The wizard's check (url.check, url.probe,
// url.checkTarget), "Test connection" (checks.run), the CLI and the bench all come here, with the
// one network dependency of their composition root: stages 1–4 run once per call, the guarded
// call is made once, and the stored records come from the one builder (to-checks.ts).

/**
 * The engine options for one call: the network, a policy, a CA, and an overall limit if any.
 * PROXY_CONFIG_INVALID when the root's HTTPS_PROXY / NO_PROXY is malformed: nothing connects then.
 */
export const safeOptions = (network: Network, policy: AddressPolicy, ca?: string, overallMs?: number): Result<SafeClientOptions> =>
  network.proxy.ok
    ? ok({
        policy,
        resolver: network.resolver,
        judge: network.judge,
        proxy: network.proxy.value,
        limits: { ...network.limits, ...(overallMs === undefined ? {} : { overallMs }) },
        ...(ca === undefined ? {} : { ca }),
        ...(network.call === undefined ? {} : { call: network.call }),
      })
    : network.proxy;

/** Stages 1–4 (1–3 offline) on one URL. */
export const checkUrlOn = async (network: Network, url: string, policy: AddressPolicy, offline = false): Promise<UrlVerdict> => {
  const stages = stageTracker(network.call, network.limits.overallMs);
  // The DNS wait is the one that takes time here; the caller's cancel ends it.
  if (!offline) stages.enter('dns', network.limits.overallMs);
  const signal = network.call?.signal;
  const verdict = await checkUrl(url, { policy, resolver: network.resolver, judge: network.judge, offline, ...(signal === undefined ? {} : { signal }) });
  stages.end(verdict.verdict === 'allow');
  return verdict;
};

export interface ProbeRequest {
  readonly base_url: string;
  readonly policy: AddressPolicy;
  /** The corporate CA as PEM text; CA_FILE_INVALID when it is not one. */
  readonly ca_pem?: string;
  readonly timeout_ms?: number;
}

/** Every stage, then the API root, for a base URL that is not (yet) a saved target. */
export const probeUrl = async (network: Network, r: ProbeRequest): Promise<Result<ProbeResult>> => {
  const ca = r.ca_pem === undefined ? undefined : parseCaPem(r.ca_pem);
  if (ca !== undefined && !ca.ok) return ca;
  const options = safeOptions(network, r.policy, ca?.value.pem, r.timeout_ms);
  if (!options.ok) return options;
  return ok((await runProbe(r.base_url, options.value)).probe);
};

/**
 * The network check of a saved Data Center target, and what it stores. Without an allowlist
 * status no call may be made: stages 1–4 only. Otherwise the probe, whose own stages 1–4 are the
 * URL verdict (one DNS resolution in all). CA_FILE_INVALID when the target's CA does not load.
 */
export const checkDataCenterTarget = async (
  network: Network,
  target: DataCenterTarget & { readonly base_url: string },
  checkedAt: string,
  /** The 429 rule of the provider calls (Retry-After honoured within its limit); without it one try. */
  retry?: RetryPolicy,
): Promise<Result<TargetNetworkChecks>> => {
  const policy = policyFor(target);
  if (target.allowlist_status === undefined) return ok({ url_safety: toUrlSafetyCheck(await checkUrlOn(network, target.base_url, policy), checkedAt) });
  const ca = await network.caOf(target);
  if (!ca.ok) return ca;
  const options = safeOptions(network, policy, ca.value);
  if (!options.ok) return options;
  const attempt = () => runProbe(target.base_url, options.value);
  const run = retry === undefined ? await attempt() : await retryOn429(attempt, (r) => r.answer, retry);
  return ok(toTargetChecks(run, retry === undefined ? checkedAt : retry.clock.now().toISOString()));
};

/** The URL-safety client for a target's customer host (Data Center base URL or Jira site), trusting its CA. */
export const guardedClient = async (network: Network, target: TargetConfig): Promise<Result<HttpClient>> => {
  const ca = await network.caOf(target);
  if (!ca.ok) return ca;
  const options = safeOptions(network, policyFor(target), ca.value);
  return options.ok ? ok(createSafeHttpClient(options.value)) : options;
};

/** The same, for a run of many calls to the target's host: checked once, pinned connections pooled (bulk onboarding). */
export const guardedSession = async (network: Network, target: TargetConfig, connections: number): Promise<Result<SessionHttpClient>> => {
  const ca = await network.caOf(target);
  if (!ca.ok) return ca;
  const options = safeOptions(network, policyFor(target), ca.value);
  return options.ok ? ok(createSessionHttpClient(options.value, connections)) : options;
};
