import { z } from 'zod';
import { BUNDLE_MAX_EXPIRY_DAYS, BUNDLE_MAX_TRUSTED_KEYS, BundleVerification, KeyFingerprint, PinnedFingerprint } from '../domain/bundle';
import { method } from './define';

/** What the renderer saves (or downloads) and the CLI writes: the file and its detached summary. */
export const BundleExportResult = z.object({
  file_name: z.string(),
  /** The bundle file, pretty JSON; save these characters as UTF-8, unchanged. */
  text: z.string(),
  summary_file_name: z.string(),
  summary_text: z.string(),
  bundle_id: z.string(),
  fingerprint: KeyFingerprint,
  issued_at: z.string(),
  expires_at: z.string(),
});
export type BundleExportResult = z.infer<typeof BundleExportResult>;

/** Room above the 5 MiB limit so an oversized file reaches the verifier and gets BUNDLE_MALFORMED. */
const MAX_TRANSFER_CHARS = 16 * 1024 * 1024;

export const BundleVerifyInput = z
  .strictObject({
    /** The file as text (what a browser FileReader gives)… */
    text: z.string().max(MAX_TRANSFER_CHARS).optional(),
    /** …or its exact bytes in base64 (what the CLI sends, so a non-UTF-8 file is judged as such). */
    bytes_base64: z.string().max(MAX_TRANSFER_CHARS).optional(),
    /** The fingerprint the reviewer expects, as the admin read it out (any grouping, case, `sha256:` or not). */
    fingerprint: PinnedFingerprint.optional(),
    /** Fingerprints the reviewer trusts (a trust file); used when no `fingerprint` is pinned. */
    trusted: z.array(PinnedFingerprint).max(BUNDLE_MAX_TRUSTED_KEYS).optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.bytes_base64 === undefined), { message: 'send exactly one of text and bytes_base64' });

/** The signing key as people see it; `fingerprint` is null until a key exists. */
export const SigningKeyView = z.object({
  exists: z.boolean(),
  /** This call made the key (first use). */
  created: z.boolean(),
  algorithm: z.literal('Ed25519'),
  fingerprint: KeyFingerprint.nullable(),
  public_key_pem: z.string().nullable(),
  /** Base64 of the SPKI DER, as bundles carry it. */
  public_key_spki: z.string().nullable(),
});
export type SigningKeyView = z.infer<typeof SigningKeyView>;

export const bundleMethods = {
  'bundle.export': method(
    z.strictObject({
      /** A saved target's id or name. */
      id: z.string().min(1).max(200),
      expires_in_days: z.number().int().min(1).max(BUNDLE_MAX_EXPIRY_DAYS).optional(),
    }),
    BundleExportResult,
    'Sign a ready saved target, its check evidence and readiness into a .wrobundle.json file.',
  ),
  'bundle.verify': method(
    BundleVerifyInput,
    BundleVerification,
    'Verify a bundle offline: the verdict (valid with a confirmed signer, valid_unpinned, or a BUNDLE_* code) and what it says.',
  ),
  'signingKey.get': method(
    z.strictObject({ create: z.boolean().default(false) }),
    SigningKeyView,
    "The bundle signing key's public half and fingerprint; `create` makes it if none exists yet.",
  ),
  'signingKey.rotate': method(
    z.strictObject({}),
    z.object({ key: SigningKeyView, previous_fingerprint: KeyFingerprint.nullable() }),
    'Replace the signing key; bundles signed before still verify with the key they carry.',
  ),
};
