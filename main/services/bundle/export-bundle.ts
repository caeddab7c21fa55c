import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/contract/define';
import {
  BUNDLE_DEFAULT_EXPIRY_DAYS,
  BUNDLE_FILE_SUFFIX,
  BUNDLE_MAX_EXPIRY_DAYS,
  BUNDLE_PAYLOAD_TYPE,
  BUNDLE_SUMMARY_SUFFIX,
  type AnyBundlePayload,
} from '../../../shared/domain/bundle';
import type { CheckResults } from '../../../shared/domain/checks';
import type { CredentialMeta } from '../../../shared/domain/credential-meta';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import type { TargetConfig } from '../../../shared/domain/target';
import type { Clock } from '../clock/clock';
import { createSecretScrubber } from '../scrub/secret-scrubber';
import { basicUsersOf } from '../scrub/target-secrets';
import { buildBundlePayload, encodePayload } from './build-payload';
import { signEnvelope } from './dsse';
import type { LoadedSigningKey, SigningKeyService } from './signing-key';
import { renderPrintableSummary } from './summary';

export interface BundleExportDeps {
  readonly keys: SigningKeyService;
  readonly clock: Clock;
  readonly app: { readonly name: string; readonly version: string };
  /** Random bundle ids; tests may pass a fixed one. */
  readonly newBundleId?: () => string;
}

export interface BundleExportInput {
  readonly target: TargetConfig;
  readonly checks: CheckResults;
  /** The stored credentials' expiry facts (settings, never the secret), for the bundle's radar section. */
  readonly credentialMeta?: CredentialMeta | undefined;
  readonly expiresInDays?: number;
  /**
   * Secrets that must not appear in the file (the target's stored credentials). Nothing in the
   * payload should ever hold one; this is the last check before bytes leave the app.
   */
  readonly forbidden?: readonly string[];
}

export interface BundleExport {
  readonly file_name: string;
  /** The file: pretty JSON of the DSSE envelope, newline-terminated. */
  readonly text: string;
  readonly summary_file_name: string;
  readonly summary_text: string;
  readonly bundle_id: string;
  readonly fingerprint: string;
  readonly issued_at: string;
  readonly expires_at: string;
}

const datePart = (iso: string): string => iso.slice(0, 10).replace(/-/g, '');

/** `<target id>-<yyyymmdd>.wrobundle.json`; the id is already file-name safe. */
export const bundleFileName = (target: TargetConfig, issuedAt: string): string => `${target.id}-${datePart(issuedAt)}${BUNDLE_FILE_SUFFIX}`;

/**
 * Secrets shorter than this are not searched for: a short Basic-auth password such as "admin"
 * would match ordinary words in the evidence and block every export for nothing.
 */
export const MIN_SCANNED_SECRET_LENGTH = 8;


/** Sign the target, its evidence and readiness into a bundle; refuses a target that is not ready. */
export const exportBundle = async (deps: BundleExportDeps, input: BundleExportInput): Promise<Result<BundleExport>> => {
  const days = input.expiresInDays ?? BUNDLE_DEFAULT_EXPIRY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > BUNDLE_MAX_EXPIRY_DAYS) {
    return fail('REQUEST_INVALID', `The expiry must be a whole number of days from 1 to ${BUNDLE_MAX_EXPIRY_DAYS}.`);
  }
  const readiness = evaluateReadiness(input.target, input.checks);
  if (!readiness.can_export) {
    const why = readiness.blocking.length > 0 ? `blocked by ${readiness.blocking.join(', ')}` : `not finished: ${readiness.pending.join(' ')}`;
    return fail('BUNDLE_EXPORT_BLOCKED', `The target is not ready to export (${why}).`.slice(0, 600), {
      verdict: readiness.verdict,
      blocking: readiness.blocking,
      pending: readiness.pending,
    });
  }
  const key = await deps.keys.load();
  if (!key.ok) return key;
  const payload = buildBundlePayload({
    target: input.target,
    checks: input.checks,
    credentialMeta: input.credentialMeta,
    readiness,
    key: key.value.info,
    app: deps.app,
    now: deps.clock.now(),
    expiresInDays: days,
    bundleId: (deps.newBundleId ?? randomUUID)(),
  });
  return packageBundle(payload, BUNDLE_PAYLOAD_TYPE, key.value, bundleFileName(input.target, payload.issued_at), { secrets: input.forbidden ?? [], users: basicUsersOf(input.target) });
};

/**
 * The one signing path of every bundle format: the payload's exact bytes signed as a DSSE envelope,
 * the file and its printable summary, and the last check that no stored secret is in any of them.
 */
export const packageBundle = (
  payload: AnyBundlePayload,
  payloadType: string,
  key: LoadedSigningKey,
  fileName: string,
  known: { readonly secrets: readonly string[]; readonly users: readonly string[] },
): Result<BundleExport> => {
  const bytes = encodePayload(payload);
  const envelope = signEnvelope(payloadType, bytes, key.privateKey, key.info.fingerprint);
  const text = `${JSON.stringify(envelope, null, 2)}\n`;
  const summaryText = renderPrintableSummary(payload, fileName);
  // Every form the scrubber knows (raw, base64 at any alignment, base64url, URL-encoded, the whole
  // Authorization value): the file's payload is base64, so a secret inside it is caught there too.
  const forbidden = [...known.secrets, key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()];
  const guard = createSecretScrubber({ secrets: forbidden.filter((s) => s.length >= MIN_SCANNED_SECRET_LENGTH), users: [...known.users] });
  if ([bytes.toString('utf8'), text, summaryText].some((t) => guard.contains(t))) {
    return fail('BUNDLE_EXPORT_BLOCKED', 'The bundle would contain a stored secret, so nothing was exported. Report this as a bug.');
  }
  return ok({
    file_name: fileName,
    text,
    summary_file_name: fileName.slice(0, -BUNDLE_FILE_SUFFIX.length) + BUNDLE_SUMMARY_SUFFIX,
    summary_text: summaryText,
    bundle_id: payload.bundle_id,
    fingerprint: payload.signing_key.fingerprint,
    issued_at: payload.issued_at,
    expires_at: payload.expires_at,
  });
};
