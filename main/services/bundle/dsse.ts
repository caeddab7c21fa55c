import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { DsseEnvelope } from '../../../shared/domain/bundle';

// DSSE (https://github.com/secure-systems-lab/dsse, protocol v1) with Ed25519 from node:crypto.
// The signature covers the pre-authentication encoding of the payload type and the payload bytes,
// never a re-serialisation, so there is nothing to canonicalise.

/** PAE(type, body) = "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths in ASCII decimal bytes. */
export const pae = (payloadType: string, body: Uint8Array): Buffer => {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
    type,
    Buffer.from(` ${body.length} `, 'ascii'),
    body,
  ]);
};

/**
 * Decode canonical, padded base64 only. Node's decoder ignores stray characters and the unused
 * low bits of the last character, so two different texts can decode to the same bytes; a changed
 * character in a bundle must never go unnoticed, hence the round trip.
 */
export const decodeBase64Strict = (text: string): Buffer | null => {
  // No regex over the text: a bundle-sized string would overflow a backtracking matcher. Node's
  // encoder writes only canonical padded base64, so the round trip alone decides.
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
};

export const spkiDerOf = (publicKey: KeyObject): Buffer => publicKey.export({ type: 'spki', format: 'der' });

/** `sha256:<hex>` over the SPKI DER: the keyid in the envelope and the fingerprint people compare. */
export const fingerprintOfSpki = (spkiDer: Uint8Array): string => `sha256:${createHash('sha256').update(spkiDer).digest('hex')}`;

/** The Ed25519 public key in an SPKI DER, or null when the bytes are not one. */
export const ed25519KeyFromSpki = (spkiDer: Uint8Array): KeyObject | null => {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
};

/** Sign `payload` as a DSSE envelope with one Ed25519 signature. */
export const signEnvelope = (payloadType: string, payload: Uint8Array, privateKey: KeyObject, keyid: string): DsseEnvelope => ({
  payloadType,
  payload: Buffer.from(payload).toString('base64'),
  signatures: [{ keyid, sig: sign(null, pae(payloadType, payload), privateKey).toString('base64') }],
});

/** True when `sig` is a valid Ed25519 signature by `publicKey` over PAE(type, payload). */
export const verifyPae = (payloadType: string, payload: Uint8Array, sig: Uint8Array, publicKey: KeyObject): boolean => {
  if (sig.length !== 64) return false;
  try {
    return verify(null, pae(payloadType, payload), publicKey, sig);
  } catch {
    return false;
  }
};
