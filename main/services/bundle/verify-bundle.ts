import { z } from 'zod';
import {
  BUNDLE_CLOCK_SKEW_MS,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_MAX_BYTES,
  BUNDLE_MAX_EXPIRY_DAYS,
  BUNDLE_MAX_LIFETIME_MS,
  BUNDLE_PAYLOAD_TYPE,
  BulkBundlePayload,
  BundlePayload,
  configOfBundleTarget,
  DsseEnvelope,
  type BundleVerdict,
  type BundleVerification,
} from '../../../shared/domain/bundle';
import { BULK_BUNDLE_FORMAT_VERSION, BULK_BUNDLE_PAYLOAD_TYPE, evaluateBulkReadiness } from '../../../shared/domain/bulk-bundle';
import { verdictTotals } from '../../../shared/domain/bulk-plan';
import { readFingerprint } from '../../../shared/domain/fingerprint-input';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import type { Clock } from '../clock/clock';
import { decodeBase64Strict, ed25519KeyFromSpki, fingerprintOfSpki, verifyPae } from './dsse';
import { parseStrictJson } from './strict-json';
import { toBundleSummary } from './summary';

// Offline verification, in this order: size, UTF-8, strict JSON (no duplicate keys), envelope
// shape, payload type, then the signature over the exact payload bytes with the key the payload
// carries (bound by the keyid). Only after the signature holds is the payload parsed strictly and
// with its schema, then the signer (pin or trust list), the lifetime, the readiness and the
// validity window are checked. A bundle that passes everything but whose signer nobody confirmed
// is `valid_unpinned`, never `valid`: anyone can make a good signature with a key of their own.
// Never touches the network.

export interface VerifyOptions {
  readonly clock: Clock;
  /** The fingerprint the reviewer expects, in any grouping; null or absent: no pin. It wins over `trusted`. */
  readonly pinnedFingerprint?: string | null;
  /** Fingerprints the reviewer trusts (a trust file), used when there is no pin. */
  readonly trusted?: readonly string[];
  readonly skewMs?: number;
}

/** Only what is needed to find the key before the signature is checked; the rest waits. */
const KeyLocator = z.object({ signing_key: z.object({ public_key_spki: z.string() }) });

/** Each payload type names exactly one format version: a version 1 type cannot carry a version 2 payload. */
const VERSION_OF_TYPE: Readonly<Record<string, number>> = {
  [BUNDLE_PAYLOAD_TYPE]: BUNDLE_FORMAT_VERSION,
  [BULK_BUNDLE_PAYLOAD_TYPE]: BULK_BUNDLE_FORMAT_VERSION,
};
const VersionLocator = z.object({ format_version: z.unknown() });

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const decodeUtf8 = (bytes: Uint8Array): string | null => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

/** A pin that does not read as a fingerprint matches no key: it is kept as given, for the message. */
const normalised = (text: string): string => {
  const r = readFingerprint(text);
  return r.ok ? r.fingerprint : text.trim();
};

/** Version 1: why the recorded or the recomputed readiness is not "ready", or null. */
const singleNotReady = (payload: BundlePayload): string | null => {
  const recorded = payload.readiness;
  const recomputed = evaluateReadiness(configOfBundleTarget(payload.target), payload.checks);
  if (recorded.verdict !== 'ready' || recorded.blocking.length > 0) {
    const why = recorded.blocking.length > 0 ? `blocked by ${recorded.blocking.join(', ')}` : recorded.verdict;
    return `The bundle records the target as not ready (${why}).`;
  }
  if (recomputed.verdict !== 'ready') {
    const why = recomputed.blocking.length > 0 ? `blocked by ${recomputed.blocking.join(', ')}` : `${recomputed.verdict}: ${recomputed.pending.join(' ')}`;
    return `The bundle says "ready", but its own evidence reads as not ready (${why.slice(0, 400)}).`;
  }
  return null;
};

/** Version 2: the instance ready by its own evidence, and the totals the repositories' verdicts add up to. */
const bulkNotReady = (payload: BulkBundlePayload): string | null => {
  const rows = payload.repositories.map((r) => ({ excluded: false, result: { verdict: r.verdict, detail: r.detail, checked_at: r.checked_at } }));
  const counted = verdictTotals(rows);
  const mismatch = Object.entries(counted).find(([verdict, n]) => payload.totals[verdict as keyof typeof counted] !== n);
  if (mismatch !== undefined) return `The bundle's totals do not match its repositories (${mismatch[0]}: ${mismatch[1]} listed).`;
  if (payload.readiness.verdict !== 'ready') return `The bundle records the instance as not ready (${payload.readiness.blocking.join(', ') || payload.readiness.verdict}).`;
  const recomputed = evaluateBulkReadiness(configOfBundleTarget(payload.target), payload.checks, rows);
  if (recomputed.verdict !== 'ready') return `The bundle says "ready", but its own evidence reads as not ready (${[...recomputed.blocking, ...recomputed.pending].join(' ').slice(0, 400)}).`;
  return null;
};

export const verifyBundle = (input: Uint8Array | string, opts: VerifyOptions): BundleVerification => {
  const pinText = opts.pinnedFingerprint?.trim() ?? '';
  const pinned = pinText === '' ? null : normalised(pinText);
  const trusted = [...new Set((opts.trusted ?? []).map(normalised))];
  let fingerprint: string | null = null;
  const answer = (verdict: BundleVerdict, message: string, extra: Partial<BundleVerification> = {}): BundleVerification => ({
    verdict,
    valid: verdict === 'valid',
    message,
    fingerprint,
    pinned_fingerprint: pinned !== null && /^sha256:[0-9a-f]{64}$/.test(pinned) ? pinned : null,
    trusted_count: trusted.length,
    signer_confirmed_by: null,
    summary: null,
    payload: null,
    issues: [],
    ...extra,
  });
  const malformed = (why: string): BundleVerification => answer('BUNDLE_MALFORMED', `The file is not a valid bundle: ${why}.`);

  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > BUNDLE_MAX_BYTES) return malformed(`it is larger than ${BUNDLE_MAX_BYTES / (1024 * 1024)} MiB`);
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  if (text === null) return malformed('it is not UTF-8 text');
  const json = parseStrictJson(text);
  if (!json.ok) return malformed(`not JSON or ambiguous JSON (${json.reason})`);
  const envelope = DsseEnvelope.safeParse(json.value);
  if (!envelope.success) return malformed('not a DSSE envelope with one signature');
  const env = envelope.data;
  const expectedVersion = VERSION_OF_TYPE[env.payloadType];
  if (expectedVersion === undefined) {
    return answer('BUNDLE_UNSUPPORTED_VERSION', `Unknown payload type ${JSON.stringify(env.payloadType.slice(0, 100))}.`);
  }
  // Up to the signature, anything wrong inside the envelope's strings means the content is not
  // what was signed: a changed character must read as SIGNATURE_INVALID, not as a parse error.
  const unauthentic = (why: string): BundleVerification =>
    answer('BUNDLE_SIGNATURE_INVALID', `The bundle cannot be authenticated: ${why}. It was changed after signing or is not a bundle.`);
  const body = decodeBase64Strict(env.payload);
  const sig = decodeBase64Strict(env.signatures[0]?.sig ?? '');
  if (body === null || sig === null) return unauthentic('the payload or signature is not canonical base64');
  const bodyText = decodeUtf8(body);
  if (bodyText === null) return unauthentic('the payload is not UTF-8');
  // A lenient read, only to find the key; the strict parse waits until the signature holds.
  let lenient: unknown;
  try {
    lenient = JSON.parse(bodyText);
  } catch {
    return unauthentic('the payload is not JSON');
  }
  const located = KeyLocator.safeParse(lenient);
  if (!located.success) {
    const version = VersionLocator.safeParse(lenient);
    if (version.success && version.data.format_version !== undefined && version.data.format_version !== expectedVersion) {
      return answer('BUNDLE_UNSUPPORTED_VERSION', 'The payload has a format version this app does not know.');
    }
    return unauthentic('the payload carries no signing key');
  }
  const spki = decodeBase64Strict(located.data.signing_key.public_key_spki);
  const publicKey = spki === null ? null : ed25519KeyFromSpki(spki);
  if (spki === null || publicKey === null) return unauthentic('it does not carry a usable Ed25519 public key');
  fingerprint = fingerprintOfSpki(spki);
  if (env.signatures[0]?.keyid !== fingerprint || !verifyPae(env.payloadType, body, sig, publicKey)) {
    return answer('BUNDLE_SIGNATURE_INVALID', 'The signature does not match the content and the key the bundle carries.');
  }
  const bodyJson = parseStrictJson(bodyText);
  if (!bodyJson.ok) return malformed(`the signed payload is ambiguous JSON (${bodyJson.reason})`);

  // The signed bytes are authentic for this key: now read them.
  const version = VersionLocator.safeParse(bodyJson.value);
  if (!version.success || version.data.format_version !== expectedVersion) {
    return answer('BUNDLE_UNSUPPORTED_VERSION', `The payload's format_version is not ${expectedVersion}, the version its payload type names.`);
  }
  const parsed = (expectedVersion === BULK_BUNDLE_FORMAT_VERSION ? BulkBundlePayload : BundlePayload).safeParse(bodyJson.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
    return answer('BUNDLE_MALFORMED', 'The signed payload does not match the bundle schema.', { issues });
  }
  const payload = parsed.data;
  if (payload.signing_key.fingerprint !== fingerprint) return malformed('the payload names a different fingerprint than its key');
  const issued = Date.parse(payload.issued_at);
  const expires = Date.parse(payload.expires_at);
  if (!(expires > issued)) return malformed('expires_at is not after issued_at');

  const read = { payload, summary: toBundleSummary(payload) };
  if (pinned !== null && pinned !== fingerprint) {
    return answer('BUNDLE_KEY_MISMATCH', `Signed by ${fingerprint}, not by the pinned ${pinned.slice(0, 100)}.`, read);
  }
  if (pinned === null && trusted.length > 0 && !trusted.includes(fingerprint)) {
    return answer('BUNDLE_KEY_MISMATCH', `Signed by ${fingerprint}, which is not one of the ${trusted.length} trusted key${trusted.length === 1 ? '' : 's'}.`, read);
  }
  if (expires - issued > BUNDLE_MAX_LIFETIME_MS) {
    const days = Math.floor((expires - issued) / (24 * 60 * 60 * 1000));
    return answer('BUNDLE_LIFETIME_TOO_LONG', `The bundle is valid for ${days} days (${payload.issued_at} to ${payload.expires_at}); at most ${BUNDLE_MAX_EXPIRY_DAYS} are allowed.`, read);
  }
  const notReady = payload.format_version === BULK_BUNDLE_FORMAT_VERSION ? bulkNotReady(payload) : singleNotReady(payload);
  if (notReady !== null) return answer('BUNDLE_NOT_READY', notReady, read);
  const now = opts.clock.now().getTime();
  const skew = opts.skewMs ?? BUNDLE_CLOCK_SKEW_MS;
  if (now + skew < issued) return answer('BUNDLE_NOT_YET_VALID', `The bundle is issued at ${payload.issued_at}, in the future.`, read);
  if (now - skew > expires) return answer('BUNDLE_EXPIRED', `The bundle expired at ${payload.expires_at}.`, read);
  if (pinned !== null) return answer('valid', `Valid bundle signed by the pinned key ${fingerprint}.`, { ...read, signer_confirmed_by: 'pin' });
  if (trusted.length > 0) return answer('valid', `Valid bundle signed by ${fingerprint}, a trusted key.`, { ...read, signer_confirmed_by: 'trust_list' });
  return answer(
    'valid_unpinned',
    `Signature valid, signer not confirmed: compare the fingerprint ${fingerprint} with the one the admin reads out, or pin it.`,
    read,
  );
};
