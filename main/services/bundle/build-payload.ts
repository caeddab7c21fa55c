import { BundlePayload, BUNDLE_FORMAT_VERSION, bundleTargetOf, type AnyBundlePayload } from '../../../shared/domain/bundle';
import type { CheckResults } from '../../../shared/domain/checks';
import type { Readiness } from '../../../shared/domain/readiness';
import type { TargetConfig } from '../../../shared/domain/target';
import type { SigningKeyInfo } from './signing-key';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PayloadInput {
  readonly target: TargetConfig;
  readonly checks: CheckResults;
  readonly readiness: Readiness;
  readonly key: SigningKeyInfo;
  readonly app: { readonly name: string; readonly version: string };
  readonly now: Date;
  readonly expiresInDays: number;
  readonly bundleId: string;
}

/**
 * The payload as the schema reads it back: parsing here (not only in the verifier) means the
 * signed bytes are exactly what a verifier's parse returns, with defaults filled and nothing extra.
 * A parse failure is a bug in the caller, so it throws.
 */
export const buildBundlePayload = (input: PayloadInput): BundlePayload =>
  BundlePayload.parse({
    format_version: BUNDLE_FORMAT_VERSION,
    bundle_id: input.bundleId,
    issued_at: input.now.toISOString(),
    expires_at: new Date(input.now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
    app: { name: input.app.name, version: input.app.version },
    signing_key: { algorithm: 'Ed25519', public_key_spki: input.key.public_key_spki, fingerprint: input.key.fingerprint },
    // The CA as subject, fingerprint and expiry: never its PEM, never a path.
    target: bundleTargetOf(input.target),
    checks: input.checks,
    readiness: input.readiness,
  });

/** The payload's exact bytes: compact JSON, UTF-8. */
export const encodePayload = (payload: AnyBundlePayload): Buffer => Buffer.from(JSON.stringify(payload), 'utf8');
