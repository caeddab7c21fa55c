import { z } from 'zod';
import { CaPemText } from '../domain/ca';
import { BUNDLE_MAX_TRUSTED_KEYS, KeyFingerprint, PinnedFingerprint } from '../domain/bundle';
import { method } from './define';

// The drift re-check: the bundle's target probed again from this machine, without any credential,
// and compared with the evidence the bundle was signed with.

const MAX_BUNDLE_BASE64 = 16 * 1024 * 1024;

export const DriftKind = z.enum(['addresses', 'certificate', 'certificate_expiring', 'version', 'redirect', 'reachability']);
export type DriftKind = z.infer<typeof DriftKind>;

export const DriftItem = z.object({
  kind: DriftKind,
  /** What the bundle's evidence says, and what this machine sees now (null: absent). */
  before: z.string().nullable(),
  after: z.string().nullable(),
  detail: z.string(),
});
export type DriftItem = z.infer<typeof DriftItem>;

export const RecheckResult = z.object({
  bundle: z.object({ verdict: z.string(), fingerprint: KeyFingerprint.nullable(), bundle_id: z.string(), issued_at: z.string() }),
  target_name: z.string(),
  base_url: z.string(),
  probe: z.object({ verdict: z.enum(['allow', 'block', 'invalid']), reason: z.string().nullable(), detail: z.string().nullable() }),
  drift: z.array(DriftItem),
  checked_at: z.iso.datetime({ offset: true }),
});
export type RecheckResult = z.infer<typeof RecheckResult>;

export const recheckMethods = {
  'recheck.run': method(
    z.strictObject({
      bundle_base64: z.string().min(1).max(MAX_BUNDLE_BASE64),
      ca_pem: CaPemText.optional(),
      fingerprint: PinnedFingerprint.optional(),
      trusted: z.array(PinnedFingerprint).max(BUNDLE_MAX_TRUSTED_KEYS).optional(),
    }),
    RecheckResult,
    "Re-run the URL-safety checks and the probe for a bundle's Data Center target (no credential) and report drift against its signed evidence.",
  ),
};
