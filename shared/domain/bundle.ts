import { z } from 'zod';
import { ErrorCode } from '../errors/codes';
import { BULK_BUNDLE_FORMAT_VERSION, BundleRepository, bulkPayloadFields, VerdictTotalsSchema } from './bulk-bundle';
import { CheckResults } from './checks';
import { readFingerprint } from './fingerprint-input';
import { BundleRadar } from './radar';
import { Readiness } from './readiness-schema';
import { CaSummary, caSummaryOf } from './ca';
import { CloudTarget, DataCenterTarget, isDataCenter, type TargetConfig } from './target';

// The signed target configuration bundle (docs/bundle-format.md). The file is a DSSE envelope
// whose payload is the UTF-8 JSON described by `BundlePayload`. The payload never holds a secret:
// the target schema is strict, check evidence carries no credential, and the signing key appears
// only as its public half.

/** DSSE payload type: signed together with the payload, so a bundle cannot pose as another document. */
export const BUNDLE_PAYLOAD_TYPE = 'application/vnd.webriskops.bitbucket-target.v1+json';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_FILE_SUFFIX = '.wrobundle.json';
export const BUNDLE_SUMMARY_SUFFIX = '.summary.txt';
/** Larger files are refused before any parsing. */
export const BUNDLE_MAX_BYTES = 5 * 1024 * 1024;
export const BUNDLE_DEFAULT_EXPIRY_DAYS = 30;
export const BUNDLE_MAX_EXPIRY_DAYS = 365;
/** The verifier refuses a bundle whose issued_at → expires_at span is longer than this. */
export const BUNDLE_MAX_LIFETIME_MS = BUNDLE_MAX_EXPIRY_DAYS * 24 * 60 * 60 * 1000;
/** How many fingerprints a trust list may hold. */
export const BUNDLE_MAX_TRUSTED_KEYS = 1000;
/** How far the verifier's clock may disagree with the exporter's. */
export const BUNDLE_CLOCK_SKEW_MS = 5 * 60 * 1000;

const Timestamp = z.iso.datetime({ offset: true });

/** `sha256:` + lower-case hex of SHA-256 over the public key's SPKI DER encoding. */
export const KeyFingerprint = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256: followed by 64 lower-case hex digits');
export type KeyFingerprint = z.infer<typeof KeyFingerprint>;

/**
 * A fingerprint as a person gives it (any grouping, case, with or without `sha256:`), normalised
 * to KeyFingerprint by readFingerprint; the issue message is its reason for refusing.
 */
export const PinnedFingerprint = z
  .string()
  .max(400)
  .transform((text, ctx) => {
    const r = readFingerprint(text);
    if (r.ok) return r.fingerprint;
    ctx.addIssue({ code: 'custom', message: r.reason });
    return z.NEVER;
  });

/** Canonical base64 (RFC 4648 §4, padded). Decoders must also re-encode and compare. */
export const Base64Text = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
  .refine((t) => t.length % 4 === 0, 'base64 length is a multiple of 4');

// The envelope's shape. Its string values are checked by the verifier, not here, so that a changed
// character inside them reads as what it is (BUNDLE_SIGNATURE_INVALID) and only a broken structure
// reads as BUNDLE_MALFORMED. Exporters write `keyid` as a KeyFingerprint and `payload`/`sig` as
// canonical Base64Text.
export const DsseSignature = z.strictObject({
  keyid: z.string().max(200),
  sig: z.string().max(200),
});
export type DsseSignature = z.infer<typeof DsseSignature>;

/** The file itself. Format v1 carries exactly one signature. */
export const DsseEnvelope = z.strictObject({
  payloadType: z.string().min(1).max(200),
  payload: z.string().min(1),
  signatures: z.array(DsseSignature).length(1),
});
export type DsseEnvelope = z.infer<typeof DsseEnvelope>;

export const BundleSigningKey = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** Base64 of the SPKI DER encoding (44 bytes for Ed25519). PEM is this wrapped at 64 columns. */
  public_key_spki: Base64Text.min(1),
  fingerprint: KeyFingerprint,
});
export type BundleSigningKey = z.infer<typeof BundleSigningKey>;

export const BundleApp = z.strictObject({
  name: z.string().min(1).max(200),
  version: z.string().min(1).max(100),
});

/**
 * A Data Center target as a bundle holds it: its corporate CA as subject, SHA-256 fingerprint,
 * expiry and count of certificates, never the PEM and never a path. `ca_file` is read only, so
 * bundles exported before the CA was stored as content (they named its path) still verify.
 */
export const BundleDataCenterTarget = DataCenterTarget.omit({ ca: true, ca_needs_choice: true }).extend({
  ca: CaSummary.strict().optional(),
  ca_file: z.string().max(4096).optional(),
});
export const BundleTarget = z.discriminatedUnion('provider_key', [CloudTarget, BundleDataCenterTarget]);
export type BundleTarget = z.infer<typeof BundleTarget>;

/** The saved target as it goes into a bundle. */
export const bundleTargetOf = (t: TargetConfig): BundleTarget => {
  if (!isDataCenter(t)) return t;
  const { ca, ca_needs_choice: _lost, ...rest } = t;
  return { ...rest, ...(ca === undefined ? {} : { ca: caSummaryOf(ca) }) };
};

/** A bundle's target as a target configuration without its CA (readiness, the URL policy and the radar do not read it). */
export const configOfBundleTarget = (t: BundleTarget): TargetConfig => {
  if (t.provider_key !== 'bitbucket_data_center_issues') return t;
  const { ca: _ca, ca_file: _path, ...rest } = t;
  return rest;
};

export const BundlePayload = z.strictObject({
  format_version: z.literal(BUNDLE_FORMAT_VERSION),
  /** Random UUID, so WebRiskOps can refuse a replay of an already imported bundle. */
  bundle_id: z.uuid(),
  issued_at: Timestamp,
  expires_at: Timestamp,
  app: BundleApp,
  signing_key: BundleSigningKey,
  /** The saved target; a Data Center target carries its three confirmations (who, when) and its CA's facts. */
  target: BundleTarget,
  /** Every check's verdict and evidence, each with its `checked_at`. */
  checks: CheckResults,
  /** evaluateReadiness(target, checks) at export time. */
  readiness: Readiness,
  /** The expiry radar's entries at export time; absent in bundles exported before it existed (they still verify). */
  radar: BundleRadar.optional(),
});
export type BundlePayload = z.infer<typeof BundlePayload>;

/** Format version 2 (bulk onboarding): the instance target and its repositories, with routes and verdicts (shared/domain/bulk-bundle.ts). */
export const BulkBundlePayload = z.strictObject({
  format_version: z.literal(BULK_BUNDLE_FORMAT_VERSION),
  bundle_id: z.uuid(),
  issued_at: Timestamp,
  expires_at: Timestamp,
  app: BundleApp,
  signing_key: BundleSigningKey,
  ...bulkPayloadFields,
  /** The instance target as every bundle holds a target: its CA as facts, never the PEM. */
  target: BundleTarget,
  /** As in version 1. */
  radar: BundleRadar.optional(),
});
export type BulkBundlePayload = z.infer<typeof BulkBundlePayload>;

/** Any payload this app verifies, by format_version. */
export const AnyBundlePayload = z.discriminatedUnion('format_version', [BundlePayload, BulkBundlePayload]);
export type AnyBundlePayload = z.infer<typeof AnyBundlePayload>;

/**
 * The verdicts a verifier can give. `valid`: intact, in date, ready, and signed by a key the
 * reviewer confirmed (a pin or a trust list). `valid_unpinned`: all of that except the signer,
 * which nobody confirmed: any key makes a good signature, so this is never an acceptance.
 * Otherwise one of the bundle codes of the error catalog.
 */
export const BundleVerdict = z.enum([
  'valid',
  'valid_unpinned',
  ...ErrorCode.extract([
    'BUNDLE_SIGNATURE_INVALID',
    'BUNDLE_KEY_MISMATCH',
    'BUNDLE_EXPIRED',
    'BUNDLE_NOT_YET_VALID',
    'BUNDLE_LIFETIME_TOO_LONG',
    'BUNDLE_NOT_READY',
    'BUNDLE_UNSUPPORTED_VERSION',
    'BUNDLE_MALFORMED',
  ]).options,
]);
export type BundleVerdict = z.infer<typeof BundleVerdict>;

/** What a reviewer reads first; derived from a payload whose signature checked out. */
export const BundleSummary = z.object({
  bundle_id: z.string(),
  issued_at: z.string(),
  expires_at: z.string(),
  app: BundleApp,
  fingerprint: KeyFingerprint,
  target_id: z.string(),
  target_name: z.string(),
  provider_key: z.string(),
  deployment_mode: z.string(),
  base_url: z.string().nullable(),
  workspace: z.string().nullable(),
  repository_slug: z.string().nullable(),
  /** Data Center only; null for Bitbucket Cloud (reached over the public internet). */
  allowlist_status: z.string().nullable(),
  issue_workflow: z.string().nullable(),
  readiness_verdict: Readiness.shape.verdict,
  blocking: Readiness.shape.blocking,
  format_version: z.number().int().default(BUNDLE_FORMAT_VERSION),
  /** Version 2: how many repositories, how many of each verdict, and the list (project, slug, verdict). */
  repositories: z
    .object({ count: z.number().int().min(0), totals: VerdictTotalsSchema, list: z.array(BundleRepository.pick({ project: true, slug: true, verdict: true, code: true })) })
    .nullable()
    .default(null),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

/**
 * The verifier's answer. `payload` and `summary` are present only when the signature checked out
 * (valid, valid_unpinned, or a key mismatch, validity-window, lifetime or readiness failure of an
 * otherwise intact bundle).
 */
export const BundleVerification = z.object({
  verdict: BundleVerdict,
  /** verdict === 'valid': the only answer an importer may act on. */
  valid: z.boolean(),
  message: z.string(),
  /** The fingerprint of the key the bundle carries, when one could be read. */
  fingerprint: KeyFingerprint.nullable(),
  pinned_fingerprint: KeyFingerprint.nullable(),
  /** How many fingerprints the reviewer's trust list held (0: none given). */
  trusted_count: z.number().int().min(0),
  /** How the signer was confirmed: the pin, the trust list, or not at all (null). */
  signer_confirmed_by: z.enum(['pin', 'trust_list']).nullable(),
  summary: BundleSummary.nullable(),
  payload: AnyBundlePayload.nullable(),
  /** Field paths of a payload that failed its schema; never values. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
});
export type BundleVerification = z.infer<typeof BundleVerification>;
