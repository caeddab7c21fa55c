import { fail, ok, type Result } from '../../../shared/contract/define';
import type { CorporateCa } from '../../../shared/domain/ca';
import { parseCaPem } from '../tls/ca-loader';
import type { Network } from '../net/network';
import { safeOptions } from '../network-check/network-check';
import type { AddressPolicy } from '../url-safety/policy';
import { probeDataCenter, type ProbeResult } from '../network-check/probe';

// A probe run on behalf of the radar, the network team's change request and the drift re-check:
// the same engine, resolver, proxy environment and limits as `url.probe`, and never a credential.

export interface LiveProbeOptions {
  readonly policy: AddressPolicy;
  readonly ca?: CorporateCa;
  readonly timeoutMs?: number;
}

/** The probe over the composition root's one network (the same one `url.probe` uses); PROXY_CONFIG_INVALID as safeOptions says. */
export const liveProbe = async (network: Network, baseUrl: string, o: LiveProbeOptions): Promise<Result<ProbeResult>> => {
  const options = safeOptions(network, o.policy, o.ca?.pem, o.timeoutMs);
  return options.ok ? ok(await probeDataCenter(baseUrl, options.value)) : options;
};

/** An optional CA as PEM text: absent is fine, present must be a usable CA (CA_FILE_INVALID otherwise). */
export const optionalCa = (pem: string | undefined): Result<CorporateCa | undefined> => {
  if (pem === undefined) return ok(undefined);
  const ca = parseCaPem(pem);
  return ca.ok ? ca : fail(ca.error.code, ca.error.message, ca.error.details);
};
