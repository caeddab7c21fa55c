import { fail, ok, type Result } from '../../../shared/contract/define';
import type { RadarScanResult } from '../../../shared/contract/radar';
import { isDue, sortRadar, type RadarItem } from '../../../shared/domain/radar';
import { bundleRadarItems, radarItemsFor, targetFacts } from '../../../shared/domain/radar-items';
import type { AllowlistStatus } from '../../../shared/domain/vocabulary';
import { decodeBase64Strict } from '../bundle/dsse';
import { verifyBundle } from '../bundle/verify-bundle';
import type { Clock } from '../clock/clock';
import type { Network } from '../net/network';
import { liveProbe, optionalCa } from '../live-probe/live-probe';
import type { SettingsStore } from '../settings/settings-store';
import { findStored } from '../targets/target-records';
import { probeFacts } from './radar-facts';

// The three sources of the radar. Nothing here reads a secret: saved targets give their stored
// evidence and credential facts, probes run without a credential, a bundle is verified offline.

export interface RadarDeps {
  readonly clock: Clock;
  readonly settings: SettingsStore;
  /** The composition root's one network. */
  readonly network: Network;
}

export type RadarSource =
  | { readonly kind: 'targets'; readonly ref?: string }
  | { readonly kind: 'probe'; readonly urls: readonly string[]; readonly caPem?: string; readonly allowlistStatus?: AllowlistStatus; readonly acknowledgePrivate: boolean }
  | { readonly kind: 'bundle'; readonly bytesBase64: string; readonly fingerprint?: string; readonly trusted?: readonly string[] };

const report = (now: Date, within: number, items: RadarItem[], bundle: RadarScanResult['bundle'] = null): RadarScanResult => ({
  generated_at: now.toISOString(),
  within_days: within,
  items: sortRadar(items),
  due: items.filter(isDue).length,
  bundle,
});

const fromTargets = async (deps: RadarDeps, ref: string | undefined, within: number): Promise<Result<RadarScanResult>> => {
  const data = await deps.settings.read();
  if (!data.ok) return data;
  const now = deps.clock.now();
  const stored = ref === undefined ? data.value.targets : [findStored(data.value.targets, ref)].filter((t) => t !== undefined);
  if (ref !== undefined && stored.length === 0) return fail('TARGET_NOT_FOUND', `No saved target has the id or name "${ref.slice(0, 120)}".`);
  const items: RadarItem[] = [];
  for (const s of stored) {
    // A CA that must be chosen again is the probe's finding (CA_FILE_INVALID); the radar lists the stored one.
    const ca = s.target.provider_key === 'bitbucket_data_center_issues' ? s.target.ca : undefined;
    items.push(...radarItemsFor(targetFacts(s, ca), now, within));
  }
  return ok(report(now, within, items));
};

const fromProbes = async (deps: RadarDeps, source: Extract<RadarSource, { kind: 'probe' }>, within: number): Promise<Result<RadarScanResult>> => {
  const ca = optionalCa(source.caPem);
  if (!ca.ok) return ca;
  const policy = {
    deployment: 'self-hosted' as const,
    acknowledge_private: source.acknowledgePrivate,
    ...(source.allowlistStatus === undefined ? {} : { allowlist_status: source.allowlistStatus }),
  };
  const items: RadarItem[] = [];
  for (const url of source.urls) {
    const probe = await liveProbe(deps.network, url, { policy, ...(ca.value === undefined ? {} : { ca: ca.value }) });
    if (!probe.ok) return probe;
    items.push(...radarItemsFor(probeFacts(probe.value, ca.value), deps.clock.now(), within));
  }
  return ok(report(deps.clock.now(), within, items));
};

const fromBundle = (deps: RadarDeps, source: Extract<RadarSource, { kind: 'bundle' }>, within: number): Result<RadarScanResult> => {
  const bytes = decodeBase64Strict(source.bytesBase64);
  if (bytes === null) return fail('REQUEST_INVALID', 'bundle_base64 is not canonical base64.');
  const v = verifyBundle(bytes, { clock: deps.clock, pinnedFingerprint: source.fingerprint ?? null, ...(source.trusted === undefined ? {} : { trusted: source.trusted }) });
  // Only an intact signature gives facts worth listing; an expired or unpinned bundle still does.
  if (v.payload === null) return fail(v.verdict === 'valid' || v.verdict === 'valid_unpinned' ? 'BUNDLE_MALFORMED' : v.verdict, v.message, { fingerprint: v.fingerprint });
  const now = deps.clock.now();
  return ok(report(now, within, bundleRadarItems(v.payload, now, within), { verdict: v.verdict, fingerprint: v.fingerprint, message: v.message }));
};

export const scanRadar = (deps: RadarDeps, source: RadarSource, withinDays: number): Promise<Result<RadarScanResult>> => {
  if (source.kind === 'targets') return fromTargets(deps, source.ref, withinDays);
  if (source.kind === 'probe') return fromProbes(deps, source, withinDays);
  return Promise.resolve(fromBundle(deps, source, withinDays));
};
