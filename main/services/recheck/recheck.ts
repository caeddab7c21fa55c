import { configOfBundleTarget } from '../../../shared/domain/bundle';
import { fail, ok, type Result } from '../../../shared/contract/define';
import type { Network } from '../net/network';
import type { RecheckResult } from '../../../shared/contract/recheck';
import { isDataCenter } from '../../../shared/domain/target';
import { decodeBase64Strict } from '../bundle/dsse';
import { verifyBundle } from '../bundle/verify-bundle';
import type { Clock } from '../clock/clock';
import { liveProbe, optionalCa } from '../live-probe/live-probe';
import { policyFor } from '../url-safety/policy';
import { driftOf } from './drift';

export interface RecheckDeps {
  readonly clock: Clock;
  /** The composition root's one network. */
  readonly network: Network;
}

export interface RecheckInput {
  readonly bytesBase64: string;
  readonly caPem?: string;
  readonly fingerprint?: string;
  readonly trusted?: readonly string[];
}

export const recheckBundle = async (deps: RecheckDeps, i: RecheckInput): Promise<Result<RecheckResult>> => {
  const bytes = decodeBase64Strict(i.bytesBase64);
  if (bytes === null) return fail('REQUEST_INVALID', 'bundle_base64 is not canonical base64.');
  const v = verifyBundle(bytes, { clock: deps.clock, pinnedFingerprint: i.fingerprint ?? null, ...(i.trusted === undefined ? {} : { trusted: i.trusted }) });
  if (v.payload === null) return fail(v.verdict === 'valid' || v.verdict === 'valid_unpinned' ? 'BUNDLE_MALFORMED' : v.verdict, v.message, { fingerprint: v.fingerprint });
  const { target, checks } = v.payload;
  if (!isDataCenter(target) || target.base_url === undefined) return fail('REQUEST_INVALID', 'The re-check applies to a Data Center bundle: Bitbucket Cloud has no host of its own to drift.');
  const ca = optionalCa(i.caPem);
  if (!ca.ok) return ca;
  const probed = await liveProbe(deps.network, target.base_url, { policy: policyFor(configOfBundleTarget(target)), ...(ca.value === undefined ? {} : { ca: ca.value }) });
  if (!probed.ok) return probed;
  const probe = probed.value;
  const now = deps.clock.now();
  return ok({
    bundle: { verdict: v.verdict, fingerprint: v.fingerprint, bundle_id: v.payload.bundle_id, issued_at: v.payload.issued_at },
    target_name: target.name,
    base_url: target.base_url,
    probe: { verdict: probe.verdict, reason: probe.reason, detail: probe.detail },
    drift: driftOf(checks, probe, now),
    checked_at: now.toISOString(),
  });
};
