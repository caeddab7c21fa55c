import { BundlePayload, BUNDLE_FORMAT_VERSION, bundleTargetOf, type AnyBundlePayload } from '../../../shared/domain/bundle';
import type { CheckResults } from '../../../shared/domain/checks';
import type { CredentialMeta } from '../../../shared/domain/credential-meta';
import type { BundleRadar } from '../../../shared/domain/radar';
import { radarEntriesFor, targetFacts } from '../../../shared/domain/radar-items';
import type { Readiness } from '../../../shared/domain/readiness';
import { isDataCenter, type TargetConfig } from '../../../shared/domain/target';
import type { SigningKeyInfo } from './signing-key';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PayloadInput {
  readonly target: TargetConfig;
  readonly checks: CheckResults;
  /** What the app knows of the stored credentials' expiry (never the secret): the radar lists it. */
  readonly credentialMeta?: CredentialMeta | undefined;
  readonly readiness: Readiness;
  readonly key: SigningKeyInfo;
  readonly app: { readonly name: string; readonly version: string };
  readonly now: Date;
  readonly expiresInDays: number;
  readonly bundleId: string;
}

/**
 * The radar section every exported bundle carries: the same entries `bitbucket-target radar` lists
 * for the saved target (shared/domain/radar-items.ts), dated at the export, with the bundle's own expiry.
 */
export const radarSectionOf = (
  stored: { readonly target: TargetConfig; readonly checks: CheckResults; readonly credentialMeta?: CredentialMeta | undefined },
  issuedAt: string,
  expiresAt: string,
): BundleRadar => ({
  generated_at: issuedAt,
  entries: radarEntriesFor(
    targetFacts({ target: stored.target, checks: stored.checks, credential_meta: stored.credentialMeta }, isDataCenter(stored.target) ? stored.target.ca : undefined, expiresAt),
  ),
});

/**
 * The payload as the schema reads it back: parsing here (not only in the verifier) means the
 * signed bytes are exactly what a verifier's parse returns, with defaults filled and nothing extra.
 * A parse failure is a bug in the caller, so it throws.
 */
export const buildBundlePayload = (input: PayloadInput): BundlePayload => {
  const issuedAt = input.now.toISOString();
  const expiresAt = new Date(input.now.getTime() + input.expiresInDays * DAY_MS).toISOString();
  return BundlePayload.parse({
    format_version: BUNDLE_FORMAT_VERSION,
    bundle_id: input.bundleId,
    issued_at: issuedAt,
    expires_at: expiresAt,
    app: { name: input.app.name, version: input.app.version },
    signing_key: { algorithm: 'Ed25519', public_key_spki: input.key.public_key_spki, fingerprint: input.key.fingerprint },
    // The CA as subject, fingerprint and expiry: never its PEM, never a path.
    target: bundleTargetOf(input.target),
    checks: input.checks,
    readiness: input.readiness,
    radar: radarSectionOf(input, issuedAt, expiresAt),
  });
};

/** The payload's exact bytes: compact JSON, UTF-8. */
export const encodePayload = (payload: AnyBundlePayload): Buffer => Buffer.from(JSON.stringify(payload), 'utf8');
