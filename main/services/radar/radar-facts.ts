import { configOfBundleTarget, type AnyBundlePayload } from '../../../shared/domain/bundle';
import type { CorporateCa } from '../../../shared/domain/ca';
import type { CheckResults } from '../../../shared/domain/checks';
import type { CredentialMeta } from '../../../shared/domain/credential-meta';
import type { RadarCa, RadarFacts } from '../../../shared/domain/radar-items';
import { isDataCenter, type TargetConfig } from '../../../shared/domain/target';
import type { ProbeResult } from '../network-check/probe';

// Where the radar's facts come from: a saved target (its stored evidence and credential facts),
// a live probe, or a bundle's signed payload.

export const caFacts = (ca: CorporateCa | undefined): RadarCa[] =>
  (ca?.certificates ?? []).map(({ subject, fingerprint_sha256, not_after }) => ({ subject, fingerprint_sha256, not_after }));

export const targetFacts = (
  stored: { readonly target: TargetConfig; readonly checks: CheckResults; readonly credential_meta?: CredentialMeta | undefined },
  ca: CorporateCa | undefined,
  bundleExpiresAt?: string,
): RadarFacts => {
  const { target, checks } = stored;
  return {
    scope: target.name,
    deployment: target.deployment_mode,
    ...(checks.network?.tls === undefined ? {} : { tls: checks.network.tls }),
    ca: caFacts(ca),
    ...(stored.credential_meta === undefined ? {} : { credentials: stored.credential_meta }),
    ...(bundleExpiresAt === undefined ? {} : { bundle_expires_at: bundleExpiresAt }),
    ...(isDataCenter(target) && checks.network?.api_root !== undefined ? { dc_version: checks.network.api_root.version } : {}),
  };
};

export const probeFacts = (p: ProbeResult, ca: CorporateCa | undefined): RadarFacts => ({
  scope: p.normalized ?? p.input,
  deployment: 'self-hosted',
  ...(p.tls === null ? {} : { tls: p.tls }),
  ca: caFacts(ca),
  ...(p.api_root === null ? {} : { dc_version: p.api_root.version }),
});

/** A bundle carries no credential facts of its own (format 1): the certificate, the version and its validity. */
export const bundleFacts = (payload: AnyBundlePayload): RadarFacts =>
  targetFacts({ target: configOfBundleTarget(payload.target), checks: payload.checks }, undefined, payload.expires_at);
