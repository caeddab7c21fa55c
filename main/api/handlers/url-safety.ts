import { fail, ok } from '../../../shared/contract/define';
import type { UrlCheckResult, UrlProbeResult } from '../../../shared/contract/url-safety';
import { isDataCenter } from '../../../shared/domain/target';
import { policyFor } from '../../services/providers/node-provider-deps';
import { checkUrl } from '../../services/url-safety/check-url';
import type { AddressPolicy } from '../../services/url-safety/policy';
import { probeDataCenter, type ProbeResult } from '../../services/url-safety/probe';
import { createDnsResolver } from '../../services/url-safety/resolver';
import { parseCaPem, readCaFile } from '../../services/tls/ca-loader';
import { toNetworkCheck, toUrlSafetyCheck } from '../../services/url-safety/to-checks';
import type { UrlSafetyDeps } from '../../services/url-safety/url-safety-deps';
import type { UrlVerdict } from '../../services/url-safety/verdict';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { loadTarget, storeChecks } from '../../services/targets/stored-targets';

type UrlHandlers = Pick<Handlers, 'url.check' | 'url.probe' | 'url.checkTarget'>;

const wireCheck = (v: UrlVerdict): UrlCheckResult => ({ ...v, addresses: [...v.addresses], stages: [...v.stages] });
const wireProbe = (p: ProbeResult): UrlProbeResult => ({
  ...p,
  addresses: [...p.addresses],
  stages: [...p.stages],
  redirects: [...p.redirects],
  timings_ms: { ...p.timings_ms },
});

export const urlSafetyHandlers = (deps: ApiDeps): UrlHandlers => {
  let fallback: UrlSafetyDeps | undefined;
  const engine = (): UrlSafetyDeps => deps.urlSafety ?? (fallback ??= { resolver: createDnsResolver() });
  const withHook = (p: AddressPolicy): AddressPolicy => {
    const permit = engine().permitCidrs;
    return permit === undefined ? p : { ...p, permit_cidrs: permit };
  };
  const clientOptions = (policy: AddressPolicy, ca: string | undefined, timeoutMs?: number) => {
    const e = engine();
    return {
      policy: withHook(policy),
      resolver: e.resolver,
      env: e.env ?? {},
      limits: { ...e.limits, ...(timeoutMs === undefined ? {} : { overallMs: timeoutMs }) },
      ...(ca === undefined ? {} : { ca }),
    };
  };
  const policyOf = (i: { deployment: AddressPolicy['deployment']; allowlist_status?: AddressPolicy['allowlist_status']; acknowledge_private: boolean }): AddressPolicy => ({
    deployment: i.deployment,
    acknowledge_private: i.acknowledge_private,
    ...(i.allowlist_status === undefined ? {} : { allowlist_status: i.allowlist_status }),
  });

  return {
    'url.check': async (input) =>
      ok(wireCheck(await checkUrl(input.url, { policy: withHook(policyOf(input)), resolver: engine().resolver, offline: input.offline }))),

    'url.probe': async (input) => {
      const ca = input.ca_pem === undefined ? undefined : parseCaPem(input.ca_pem);
      if (ca !== undefined && !ca.ok) return ca;
      return ok(wireProbe(await probeDataCenter(input.base_url, clientOptions(policyOf(input), ca?.value.pem, input.timeout_ms))));
    },

    'url.checkTarget': async ({ target_id }) => {
      const found = await loadTarget(deps.settings, target_id);
      if (!found.ok) return found;
      const { target } = found.value;
      if (!isDataCenter(target) || target.base_url === undefined) {
        return fail('REQUEST_INVALID', 'URL-safety checks apply to a Data Center target with a base URL.');
      }
      const now = deps.clock.now().toISOString();
      const policy = policyFor(target);
      const verdict = await checkUrl(target.base_url, { policy: withHook(policy), resolver: engine().resolver });
      const url_safety = toUrlSafetyCheck(verdict, now);
      let probe: ProbeResult | undefined;
      if (verdict.verdict === 'allow' && target.allowlist_status !== undefined) {
        const ca = target.ca_file === undefined ? undefined : await readCaFile(target.ca_file);
        if (ca !== undefined && !ca.ok) return ca;
        probe = await probeDataCenter(target.base_url, clientOptions(policy, ca?.value.pem));
      }
      const network = probe === undefined ? undefined : toNetworkCheck(probe, now);
      const stored = await storeChecks(deps.settings, target, (c) => ({ ...c, url_safety, ...(network === undefined ? {} : { network }) }));
      if (!stored.ok) return stored;
      return ok({ target_id: target.id, url_safety, ...(network === undefined ? {} : { network }), ...(probe === undefined ? {} : { probe: wireProbe(probe) }) });
    },
  };
};
