import { fail, ok } from '../../../shared/contract/define';
import { isDataCenter } from '../../../shared/domain/target';
import { DEFAULT_MAX_RETRY_WAIT_MS } from '../../services/net/retry-after';
import { checkDataCenterTarget, checkUrlOn, probeUrl } from '../../services/network-check/network-check';
import type { AddressPolicy } from '../../services/url-safety/policy';
import { loadTarget, storeChecks } from '../../services/targets/stored-targets';
import { freshRecord } from '../../services/targets/target-records';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { CANCELLED_MESSAGE, cancellableSleep, isCancelled, networkOfCall } from '../../services/progress/call-progress';

type UrlHandlers = Pick<Handlers, 'url.check' | 'url.probe' | 'url.checkTarget'>;

const policyOf = (i: { deployment: AddressPolicy['deployment']; allowlist_status?: AddressPolicy['allowlist_status']; acknowledge_private: boolean; proxy_resolves_name: boolean }): AddressPolicy => ({
  deployment: i.deployment,
  acknowledge_private: i.acknowledge_private,
  ...(i.allowlist_status === undefined ? {} : { allowlist_status: i.allowlist_status }),
  // Self-hosted only: a Bitbucket Cloud probe never lets the proxy pick the address.
  ...(i.proxy_resolves_name && i.deployment === 'self-hosted' ? { proxy_resolves_name: true } : {}),
});

/** The URL-safety methods: each a call into the one network-check service with the root's network. */
export const urlSafetyHandlers = (deps: ApiDeps): UrlHandlers => ({
  'url.check': async (input, { call }) => ok(await checkUrlOn(networkOfCall(deps.network, call), input.url, policyOf(input), input.offline)),

  'url.probe': async (input, { call }) =>
    probeUrl(networkOfCall(deps.network, call), {
      base_url: input.base_url,
      policy: policyOf(input),
      ...(input.ca_pem === undefined ? {} : { ca_pem: input.ca_pem }),
      ...(input.timeout_ms === undefined ? {} : { timeout_ms: input.timeout_ms }),
    }),

  'url.checkTarget': async ({ target_id }, { call }) => {
    const found = await loadTarget(deps.settings, target_id);
    if (!found.ok) return found;
    const { target } = found.value;
    if (!isDataCenter(target) || target.base_url === undefined) {
      return fail('REQUEST_INVALID', 'URL-safety checks apply to a Data Center target with a base URL.');
    }
    // The same 429 rule as the provider calls: Retry-After honoured within the wait limit.
    const retry = { sleep: cancellableSleep(deps.providers.sleep, call), clock: deps.clock, maxWaitMs: deps.providers.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS };
    const run = await checkDataCenterTarget(networkOfCall(deps.network, call), { ...target, base_url: target.base_url }, deps.clock.now().toISOString(), retry);
    // A cancelled check stores nothing: the record keeps the last completed check.
    if (isCancelled(call)) return fail('CHECK_CANCELLED', CANCELLED_MESSAGE);
    if (!run.ok) return run;
    const { url_safety, network, rate_limit, probe } = run.value;
    // A 429 from the API root is pending: the rate-limit record replaces the network record, never a failed one.
    const stored = await storeChecks(deps.settings, target, (c) => {
      if (rate_limit === undefined) return { ...c, url_safety, ...(network === undefined ? {} : { network }) };
      const { network: _stale, ...rest } = c;
      return { ...rest, url_safety, rate_limit };
    });
    if (!stored.ok) return stored;
    return ok({ target_id: target.id, ...run.value, ...(probe === undefined ? {} : { probe }), record: await freshRecord(deps.secrets, stored.value) });
  },
});
