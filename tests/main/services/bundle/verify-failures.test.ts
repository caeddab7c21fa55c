import { describe, expect, it } from 'vitest';
import { BUNDLE_PAYLOAD_TYPE, type BundleVerdict } from '../../../../shared/domain/bundle';
import { fixedClock } from '../../../../main/services/clock/clock';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import { dcTunnel, makeExporter, newKey, NOW, payloadOf, signedFile } from './bundle-support';

const ex = makeExporter();
const good = (await ex.exportOk(dcTunnel())).text;
const env = JSON.parse(good) as { payloadType: string; payload: string; signatures: Array<{ keyid: string; sig: string }> };
const payload = payloadOf(good);
const other = newKey();
const clock = fixedClock(NOW);
const DAY = 24 * 60 * 60 * 1000;
const NEAR_LIMIT = 5 * 1024 * 1024 - 1024;
const keyid = String(env.signatures[0]?.keyid);
/** One character replaced by another of the base64 alphabet. */
const swapAt = (text: string, i: number): string => text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
/** Same bytes under Node's lenient decoder, different text: the last character's unused bits set. */
const lowBitsSet = (b64: string): string => {
  const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  if (pad === 0) return `${b64.slice(0, -4)}!!!!`; // no unused bits: any broken tail will do
  const i = b64.length - pad - 1;
  return b64.slice(0, i) + (ALPHA[ALPHA.indexOf(b64[i] ?? 'A') | 1] ?? 'B') + b64.slice(i + 1);
};

/** The payload carrying `key` instead of the exporter's. */
const withKey = (p: Record<string, unknown>, key = other): Record<string, unknown> => ({
  ...p,
  signing_key: { algorithm: 'Ed25519', public_key_spki: key.spki, fingerprint: key.fingerprint },
});
/** The payload re-signed by `key`, carrying that key. */
const resigned = (edit: (p: Record<string, unknown>) => Record<string, unknown>, key = other, type = BUNDLE_PAYLOAD_TYPE): string =>
  signedFile(edit(withKey(payload, key)), key.privateKey, key.fingerprint, type);

const withEnv = (over: Record<string, unknown>): string => JSON.stringify({ ...env, ...over }, null, 2);

/** `hex` read aloud in groups of four, as the export screen shows it. */
const grouped = (fp: string, sep = ' '): string => (fp.slice(7).match(/.{4}/g) ?? []).join(sep);
const YEAR = 365 * DAY;
const at = (ms: number): string => new Date(ms).toISOString();
/** A payload whose recorded readiness is blocked, as an exporter that skipped the gate would sign it. */
const blockedReadiness = (p: Record<string, unknown>): Record<string, unknown> => ({
  ...p,
  readiness: { ...(p.readiness as object), verdict: 'blocked', blocking: ['ALLOWLIST_STATUS_MISSING'], can_export: false },
});
/** A payload that still says "ready" while its own evidence does not support it. */
const evidenceBlocked = (p: Record<string, unknown>): Record<string, unknown> => ({
  ...p,
  checks: { ...(p.checks as object), auth: { status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED', checked_at: NOW } },
});

const rows: Array<{ name: string; file: string | Uint8Array; expect: BundleVerdict; pin?: string; trusted?: string[]; at?: string }> = [
  // Without a pin or a trust list nobody confirmed the signer: never `valid`.
  { name: 'an intact bundle, unpinned', file: good, expect: 'valid_unpinned' },
  { name: 'an intact bundle with the right pin (any case, blanks around)', file: good, expect: 'valid', pin: ` ${keyid.toUpperCase()} ` },
  { name: 'an intact bundle with the pin read aloud in groups, no prefix', file: good, expect: 'valid', pin: grouped(keyid) },
  { name: 'an intact bundle with the pin in openssl colon style', file: good, expect: 'valid', pin: `SHA256:${grouped(keyid, ':').toUpperCase()}` },
  { name: 'an intact bundle whose key is in the trust list', file: good, expect: 'valid', trusted: [other.fingerprint, grouped(keyid)] },
  { name: 'an intact bundle whose key is not in the trust list', file: good, expect: 'BUNDLE_KEY_MISMATCH', trusted: [other.fingerprint] },
  { name: 'a pin wins over a trust list that holds the key', file: good, expect: 'BUNDLE_KEY_MISMATCH', pin: other.fingerprint, trusted: [keyid] },
  // The forged-key attack: re-signed with a fresh key, carrying that key.
  { name: 're-signed with a fresh attacker key, unpinned', file: resigned((p) => p), expect: 'valid_unpinned' },
  { name: 're-signed with a fresh attacker key, pinned to the admin key', file: resigned((p) => p), expect: 'BUNDLE_KEY_MISMATCH', pin: keyid },
  { name: 're-signed with a fresh attacker key, checked against a trust list', file: resigned((p) => p), expect: 'BUNDLE_KEY_MISMATCH', trusted: [keyid] },
  { name: 'a 9999 expiry, even pinned to its own key', file: resigned((p) => ({ ...p, expires_at: '9999-12-31T00:00:00.000Z' })), expect: 'BUNDLE_LIFETIME_TOO_LONG', pin: other.fingerprint },
  { name: 'a 9999 expiry, unpinned', file: resigned((p) => ({ ...p, expires_at: '9999-12-31T00:00:00.000Z' })), expect: 'BUNDLE_LIFETIME_TOO_LONG' },
  { name: '365 days and one second', file: resigned((p) => ({ ...p, expires_at: at(Date.parse(NOW) + YEAR + 1000) })), expect: 'BUNDLE_LIFETIME_TOO_LONG', pin: other.fingerprint },
  { name: 'exactly 365 days, the longest the exporter makes', file: resigned((p) => ({ ...p, expires_at: at(Date.parse(NOW) + YEAR) })), expect: 'valid', pin: other.fingerprint },
  { name: 'a recorded readiness that is blocked, pinned', file: resigned(blockedReadiness), expect: 'BUNDLE_NOT_READY', pin: other.fingerprint },
  { name: 'a recorded readiness that is blocked, unpinned', file: resigned(blockedReadiness), expect: 'BUNDLE_NOT_READY' },
  { name: 'a recorded readiness that is incomplete', file: resigned((p) => ({ ...p, readiness: { ...(p.readiness as object), verdict: 'incomplete' } })), expect: 'BUNDLE_NOT_READY', pin: other.fingerprint },
  { name: '"ready" over evidence that is blocked', file: resigned(evidenceBlocked), expect: 'BUNDLE_NOT_READY', pin: other.fingerprint },
  // Wrong key: signed by one key while carrying (and naming) another.
  {
    name: 'signed by another key than the one it carries',
    file: signedFile(payload, other.privateKey, keyid),
    expect: 'BUNDLE_SIGNATURE_INVALID',
  },
  {
    name: 'the carried key swapped for another (keyid updated too)',
    file: withEnv({
      payload: Buffer.from(JSON.stringify({ ...payload, signing_key: { algorithm: 'Ed25519', public_key_spki: other.spki, fingerprint: other.fingerprint } })).toString('base64'),
      signatures: [{ keyid: other.fingerprint, sig: env.signatures[0]?.sig }],
    }),
    expect: 'BUNDLE_SIGNATURE_INVALID',
  },
  { name: 'a keyid that is not the carried key', file: withEnv({ signatures: [{ keyid: other.fingerprint, sig: env.signatures[0]?.sig }] }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'a signature of the wrong length', file: withEnv({ signatures: [{ keyid: env.signatures[0]?.keyid, sig: 'AAAA' }] }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'a pinned fingerprint that differs', file: good, expect: 'BUNDLE_KEY_MISMATCH', pin: other.fingerprint },
  { name: 'past expiry (beyond the skew)', file: good, expect: 'BUNDLE_EXPIRED', at: new Date(Date.parse(NOW) + 30 * DAY + 6 * 60_000).toISOString() },
  { name: 'just past expiry, inside the skew', file: good, expect: 'valid', pin: keyid, at: new Date(Date.parse(NOW) + 30 * DAY + 4 * 60_000).toISOString() },
  { name: 'issued in the future (beyond the skew)', file: good, expect: 'BUNDLE_NOT_YET_VALID', at: new Date(Date.parse(NOW) - 6 * 60_000).toISOString() },
  { name: 'issued slightly in the future, inside the skew', file: good, expect: 'valid', pin: keyid, at: new Date(Date.parse(NOW) - 4 * 60_000).toISOString() },
  { name: 'an unknown payloadType (validly signed)', file: resigned((p) => p, other, 'application/vnd.in-toto+json'), expect: 'BUNDLE_UNSUPPORTED_VERSION' },
  { name: 'the payloadType edited to an unknown one', file: withEnv({ payloadType: 'application/vnd.webriskops.bitbucket-target.v3+json' }), expect: 'BUNDLE_UNSUPPORTED_VERSION' },
  // v2 is a known type now: the type is signed with the payload, so the edit breaks the signature.
  { name: 'the payloadType edited to v2 (bulk)', file: withEnv({ payloadType: 'application/vnd.webriskops.bitbucket-target.v2+json' }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'a v1 payload validly signed under the v2 type', file: resigned((p) => p, undefined, 'application/vnd.webriskops.bitbucket-target.v2+json'), expect: 'BUNDLE_UNSUPPORTED_VERSION' },
  { name: 'format_version 2 (validly signed)', file: resigned((p) => ({ ...p, format_version: 2 })), expect: 'BUNDLE_UNSUPPORTED_VERSION' },
  { name: 'format_version 2 without a key where v1 keeps it', file: resigned((p) => ({ format_version: 2, bundle_id: p.bundle_id })), expect: 'BUNDLE_UNSUPPORTED_VERSION' },
  { name: 'format_version as a string', file: resigned((p) => ({ ...p, format_version: '1' })), expect: 'BUNDLE_UNSUPPORTED_VERSION' },
  { name: 'truncated by one byte', file: good.slice(0, -2), expect: 'BUNDLE_MALFORMED' },
  { name: 'truncated in half', file: good.slice(0, good.length >> 1), expect: 'BUNDLE_MALFORMED' },
  { name: 'empty', file: '', expect: 'BUNDLE_MALFORMED' },
  { name: '6 MiB of valid JSON', file: JSON.stringify({ ...env, pad: 'x'.repeat(6 * 1024 * 1024) }), expect: 'BUNDLE_MALFORMED' },
  { name: '6 MiB of bytes', file: new Uint8Array(6 * 1024 * 1024).fill(0x20), expect: 'BUNDLE_MALFORMED' },
  { name: 'a duplicate envelope key', file: good.replace('"payloadType"', '"payloadType": "text/plain",\n  "payloadType"'), expect: 'BUNDLE_MALFORMED' },
  { name: 'a duplicate key spelled with an escape', file: good.replace('"payloadType"', '"payloadType": "x",\n  "payload\\u0054ype"'), expect: 'BUNDLE_MALFORMED' },
  { name: 'a duplicate key inside the signed payload', file: signedFile(JSON.stringify(withKey(payload)).replace('{"format_version":1,', '{"format_version":1,"format_version":1,'), other.privateKey, other.fingerprint), expect: 'BUNDLE_MALFORMED' },
  { name: 'not JSON', file: 'this is not a bundle', expect: 'BUNDLE_MALFORMED' },
  // Just under the size limit: no stack overflow, no backtracking blow-up, just a verdict.
  { name: 'a 5 MB number', file: '1'.repeat(NEAR_LIMIT), expect: 'BUNDLE_MALFORMED' },
  { name: 'a 5 MB string', file: `"${'a'.repeat(NEAR_LIMIT)}"`, expect: 'BUNDLE_MALFORMED' },
  { name: '5 MB of open brackets', file: '['.repeat(NEAR_LIMIT), expect: 'BUNDLE_MALFORMED' },
  { name: 'a 5 MB payload string', file: withEnv({ payload: 'QUJD'.repeat(NEAR_LIMIT / 4 - 100) }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'not UTF-8', file: Buffer.concat([Buffer.from(good.slice(0, 10)), Buffer.from([0xff, 0xfe]), Buffer.from(good.slice(10))]), expect: 'BUNDLE_MALFORMED' },
  { name: 'a byte-order mark', file: `\ufeff${good}`, expect: 'BUNDLE_MALFORMED' },
  { name: 'a JSON array', file: '[]', expect: 'BUNDLE_MALFORMED' },
  { name: 'an extra envelope field', file: withEnv({ note: 'hi' }), expect: 'BUNDLE_MALFORMED' },
  { name: 'two signatures', file: withEnv({ signatures: [env.signatures[0], env.signatures[0]] }), expect: 'BUNDLE_MALFORMED' },
  { name: 'no signature', file: withEnv({ signatures: [] }), expect: 'BUNDLE_MALFORMED' },
  { name: 'payload base64 with stray whitespace', file: withEnv({ payload: `${env.payload.slice(0, 8)}\n${env.payload.slice(8)}` }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'payload base64 with unused low bits set', file: withEnv({ payload: lowBitsSet(env.payload) }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'one payload character changed', file: withEnv({ payload: swapAt(env.payload, 100) }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'one signature character changed', file: withEnv({ signatures: [{ keyid, sig: swapAt(String(env.signatures[0]?.sig), 10) }] }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'one keyid character changed', file: withEnv({ signatures: [{ keyid: swapAt(keyid, 20), sig: env.signatures[0]?.sig }] }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'a keyid that is not a fingerprint', file: withEnv({ signatures: [{ keyid: 'me', sig: env.signatures[0]?.sig }] }), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'a payload that is not JSON: nothing to authenticate it with', file: signedFile('not json', other.privateKey, other.fingerprint), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'a payload without a key: nothing to authenticate it with', file: resigned(({ signing_key: _k, ...rest }) => rest), expect: 'BUNDLE_SIGNATURE_INVALID' },
  { name: 'a signed payload of the wrong shape', file: resigned((p) => ({ ...p, target: { id: 'x' } })), expect: 'BUNDLE_MALFORMED' },
  { name: 'a signed payload holding a token field', file: resigned((p) => ({ ...p, target: { ...(p.target as object), token: 'x' } })), expect: 'BUNDLE_MALFORMED' },
  { name: 'a signed payload naming a different fingerprint', file: resigned((p) => ({ ...p, signing_key: { ...(p.signing_key as object), fingerprint: `sha256:${'0'.repeat(64)}` } })), expect: 'BUNDLE_MALFORMED' },
  { name: 'expiry before issue', file: resigned((p) => ({ ...p, expires_at: '2026-11-01T00:00:00.000Z' })), expect: 'BUNDLE_MALFORMED' },
  { name: 'a carried key that is not Ed25519', file: resigned((p) => ({ ...p, signing_key: { algorithm: 'Ed25519', public_key_spki: 'AAAA', fingerprint: other.fingerprint } })), expect: 'BUNDLE_SIGNATURE_INVALID' },
];

describe('verification verdicts', () => {
  it.each(rows)('$name → $expect', ({ file, expect: verdict, pin, trusted, at: when }) => {
    const v = verifyBundle(file, { clock: when === undefined ? clock : fixedClock(when), pinnedFingerprint: pin ?? null, trusted: trusted ?? [] });
    expect(v.verdict).toBe(verdict);
    expect(v.valid).toBe(verdict === 'valid');
    expect(v.message.length).toBeGreaterThan(0);
  });

  it('says why: the unconfirmed signer, the lifetime in days, the blocking codes', () => {
    const unpinned = verifyBundle(resigned((p) => p), { clock });
    expect(unpinned).toMatchObject({ verdict: 'valid_unpinned', valid: false, fingerprint: other.fingerprint, signer_confirmed_by: null });
    expect(unpinned.message).toMatch(/^Signature valid, signer not confirmed: compare the fingerprint/);
    expect(unpinned.summary?.fingerprint).toBe(other.fingerprint);
    expect(verifyBundle(good, { clock, trusted: [keyid] })).toMatchObject({ verdict: 'valid', signer_confirmed_by: 'trust_list', trusted_count: 1 });
    expect(verifyBundle(resigned((p) => ({ ...p, expires_at: '9999-12-31T00:00:00.000Z' })), { clock }).message).toMatch(/valid for 2\d{6} days .*at most 365/);
    expect(verifyBundle(resigned(blockedReadiness), { clock }).message).toContain('ALLOWLIST_STATUS_MISSING');
    expect(verifyBundle(resigned(evidenceBlocked), { clock }).message).toMatch(/own evidence .*PROVIDER_AUTH_REQUIRED/);
  });

  it('shows what an intact but unacceptable bundle says, and nothing of a broken one', () => {
    const mismatch = verifyBundle(good, { clock, pinnedFingerprint: other.fingerprint });
    expect(mismatch.summary?.fingerprint).toBe(env.signatures[0]?.keyid);
    expect(mismatch.pinned_fingerprint).toBe(other.fingerprint);
    const expired = verifyBundle(good, { clock: fixedClock('2027-06-01T00:00:00.000Z') });
    expect(expired.payload?.target.id).toBe('dc-1');
    const broken = verifyBundle(withEnv({ signatures: [{ keyid: other.fingerprint, sig: env.signatures[0]?.sig }] }), { clock });
    expect(broken.payload).toBeNull();
    expect(broken.summary).toBeNull();
  });

  it('reports field paths, never values, of a signed payload with the wrong shape', () => {
    const v = verifyBundle(resigned((p) => ({ ...p, target: { ...(p.target as object), token: 'SECRET-VALUE-123' } })), { clock });
    expect(v.issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(v)).not.toContain('SECRET-VALUE-123');
  });
});
