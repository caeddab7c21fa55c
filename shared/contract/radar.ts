import { z } from 'zod';
import { CaPemText } from '../domain/ca';
import { BUNDLE_MAX_TRUSTED_KEYS, KeyFingerprint, PinnedFingerprint } from '../domain/bundle';
import { RADAR_DEFAULT_WITHIN_DAYS, RADAR_MAX_WITHIN_DAYS, RadarReport } from '../domain/radar';
import { AllowlistStatus } from '../domain/vocabulary';
import { method } from './define';

// The expiry radar over saved targets, live probes or a bundle file.

/** Room above the 5 MiB bundle limit, so an oversized file reaches the verifier and gets BUNDLE_MALFORMED. */
const MAX_BUNDLE_BASE64 = 16 * 1024 * 1024;

export const RadarScanInput = z
  .strictObject({
    /** A saved target's id or name; none of target/probe/bundle: every saved target. */
    target: z.string().min(1).max(200).optional(),
    /** Data Center base URLs to probe now (no credential is used). */
    probe: z.array(z.string().min(1).max(8192)).min(1).max(50).optional(),
    /** A bundle file's exact bytes, base64. */
    bundle_base64: z.string().min(1).max(MAX_BUNDLE_BASE64).optional(),
    /** With `bundle_base64`: the signer fingerprint the reviewer expects. */
    fingerprint: PinnedFingerprint.optional(),
    /** With `bundle_base64`: fingerprints the reviewer trusts (a trust file). */
    trusted: z.array(PinnedFingerprint).max(BUNDLE_MAX_TRUSTED_KEYS).optional(),
    within_days: z.number().int().min(0).max(RADAR_MAX_WITHIN_DAYS).default(RADAR_DEFAULT_WITHIN_DAYS),
    /** With `probe`: a corporate CA (PEM text) to trust (its expiry is listed too), and the policy. */
    ca_pem: CaPemText.optional(),
    allowlist_status: AllowlistStatus.optional(),
    acknowledge_private: z.boolean().default(false),
  })
  .refine((v) => [v.target, v.probe, v.bundle_base64].filter((x) => x !== undefined).length <= 1, { message: 'send at most one of target, probe and bundle_base64' });

export const RadarScanResult = RadarReport.extend({
  /** With a bundle: how its signature verified (an unpinned but intact signature still gives a radar). */
  bundle: z.object({ verdict: z.string(), fingerprint: KeyFingerprint.nullable(), message: z.string() }).nullable(),
});
export type RadarScanResult = z.infer<typeof RadarScanResult>;

export const radarMethods = {
  'radar.scan': method(
    RadarScanInput,
    RadarScanResult,
    'The expiry radar: certificate, CA, credential, OAuth refresh, bundle and Data Center end-of-support dates, each with what to do.',
  ),
};
