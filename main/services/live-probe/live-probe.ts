import { fail, ok, type Result } from '../../../shared/contract/define';
import type { CorporateCa } from '../../../shared/domain/ca';
import { readCaFile } from '../tls/ca-loader';
import type { AddressPolicy } from '../url-safety/policy';
import { probeDataCenter, type ProbeResult } from '../url-safety/probe';
import { createDnsResolver } from '../url-safety/resolver';
import type { UrlSafetyDeps } from '../url-safety/url-safety-deps';

// A probe run on behalf of the radar, the network team's change request and the drift re-check:
// the same engine, resolver, proxy environment and limits as `url.probe`, and never a credential.

export interface LiveProbeOptions {
  readonly policy: AddressPolicy;
  readonly ca?: CorporateCa;
  readonly timeoutMs?: number;
}

let fallback: UrlSafetyDeps | undefined;
/** The composition root's engine, or the system resolver with no proxy and default limits. */
export const engineOf = (deps: UrlSafetyDeps | undefined): UrlSafetyDeps => deps ?? (fallback ??= { resolver: createDnsResolver() });

export const liveProbe = (deps: UrlSafetyDeps | undefined, baseUrl: string, o: LiveProbeOptions): Promise<ProbeResult> => {
  const e = engineOf(deps);
  return probeDataCenter(baseUrl, {
    policy: e.permitCidrs === undefined ? o.policy : { ...o.policy, permit_cidrs: e.permitCidrs },
    resolver: e.resolver,
    env: e.env ?? {},
    limits: { ...e.limits, ...(o.timeoutMs === undefined ? {} : { overallMs: o.timeoutMs }) },
    ...(o.ca === undefined ? {} : { ca: o.ca.pem }),
  });
};

/** An optional CA file: absent is fine, present must be a usable CA (CA_FILE_INVALID otherwise). */
export const optionalCa = async (file: string | undefined): Promise<Result<CorporateCa | undefined>> => {
  if (file === undefined) return ok(undefined);
  const ca = await readCaFile(file);
  return ca.ok ? ca : fail(ca.error.code, ca.error.message, ca.error.details);
};
