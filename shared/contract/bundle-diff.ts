import { z } from 'zod';
import { BUNDLE_MAX_TRUSTED_KEYS, KeyFingerprint, PinnedFingerprint } from '../domain/bundle';
import { method } from './define';

// What changed between two bundles, each verified first. A diff of a bundle whose signature does
// not hold would compare claims nobody made, so it is refused (intact: false).

const MAX_BUNDLE_BASE64 = 16 * 1024 * 1024;

export const BundleDiffSection = z.enum(['target', 'addresses', 'certificate', 'scopes', 'readiness', 'signing_key', 'validity', 'evidence', 'radar', 'app', 'bundle_id', 'format']);
export type BundleDiffSection = z.infer<typeof BundleDiffSection>;

export const BundleChange = z.object({
  section: BundleDiffSection,
  /** Dotted path in the payload, e.g. `checks.network.tls.fingerprint_sha256`. */
  path: z.string(),
  /** The value in A and in B as text; null where the field is absent. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type BundleChange = z.infer<typeof BundleChange>;

export const BundleSide = z.object({
  verdict: z.string(),
  message: z.string(),
  fingerprint: KeyFingerprint.nullable(),
  /** The signature holds for the key the bundle carries (pinned or not, expired or not). */
  intact: z.boolean(),
  bundle_id: z.string().nullable(),
});
export type BundleSide = z.infer<typeof BundleSide>;

export const BundleDiffResult = z.object({
  a: BundleSide,
  b: BundleSide,
  /** Both signatures hold: only then are `changes` computed. */
  intact: z.boolean(),
  /** The two files are byte for byte the same. */
  identical: z.boolean(),
  changes: z.array(BundleChange),
});
export type BundleDiffResult = z.infer<typeof BundleDiffResult>;

export const bundleDiffMethods = {
  'bundle.diff': method(
    z.strictObject({
      a_base64: z.string().min(1).max(MAX_BUNDLE_BASE64),
      b_base64: z.string().min(1).max(MAX_BUNDLE_BASE64),
      /** The signer fingerprint the reviewer expects of both, as in `bundle.verify`. */
      fingerprint: PinnedFingerprint.optional(),
      /** Fingerprints the reviewer trusts (a trust file), used when no `fingerprint` is pinned. */
      trusted: z.array(PinnedFingerprint).max(BUNDLE_MAX_TRUSTED_KEYS).optional(),
    }),
    BundleDiffResult,
    'Verify two bundles offline, then list field by field what changed between them.',
  ),
};
