import { generateKeyPairSync } from 'node:crypto';
import { fingerprintOfSpki, signEnvelope, spkiDerOf } from '../../../main/services/bundle/dsse';
import { exportBundle } from '../../../main/services/bundle/export-bundle';
import { BUNDLE_PAYLOAD_TYPE } from '../../../shared/domain/bundle';
import { createSigningKeyService } from '../../../main/services/bundle/signing-key';
import { fixedClock } from '../../../main/services/clock/clock';
import { readyDataCenterPortable } from '../../support/domain-builders';
import { memorySecretStore } from '../../support/memory-secret-store';

export interface ReviewBundles {
  readonly valid: { readonly name: string; readonly text: string; readonly fingerprint: string };
  readonly tampered: { readonly name: string; readonly text: string };
  readonly expired: { readonly name: string; readonly text: string };
  /** The valid bundle's payload re-signed by a fresh key it now carries: a good signature by the wrong signer. */
  readonly forged: { readonly name: string; readonly text: string; readonly fingerprint: string };
  readonly otherFingerprint: string;
}

/** Re-signs a bundle's payload with a fresh key, swapping the carried key for it. */
const forge = (text: string): { text: string; fingerprint: string } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = spkiDerOf(publicKey);
  const fingerprint = fingerprintOfSpki(der);
  const env = JSON.parse(text) as { payload: string };
  const payload = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, unknown>;
  const bytes = Buffer.from(JSON.stringify({ ...payload, signing_key: { algorithm: 'Ed25519', public_key_spki: der.toString('base64'), fingerprint } }), 'utf8');
  return { text: `${JSON.stringify(signEnvelope(BUNDLE_PAYLOAD_TYPE, bytes, privateKey, fingerprint), null, 2)}\n`, fingerprint };
};

const sign = async (issuedAt: string, days: number) => {
  const keys = createSigningKeyService(memorySecretStore().store);
  const { target, checks } = readyDataCenterPortable();
  const out = await exportBundle({ keys, clock: fixedClock(issuedAt), app: { name: 'Bitbucket Target Setup', version: '0.1.0' } }, { target, checks, expiresInDays: days });
  if (!out.ok) throw new Error(`bundle export failed: ${out.error.code}`);
  return out.value;
};

/** Bundles for the Reviewer view: one valid, one with a changed byte, one expired, one forged, and a foreign key's fingerprint. */
export const makeReviewBundles = async (): Promise<ReviewBundles> => {
  const now = new Date().toISOString();
  const valid = await sign(now, 30);
  const expired = await sign(new Date(Date.now() - 90 * 86_400_000).toISOString(), 30);
  const other = await sign(now, 30);
  const envelope = JSON.parse(valid.text) as { payload: string };
  const i = Math.floor(envelope.payload.length / 2);
  const flipped = envelope.payload[i] === 'A' ? 'B' : 'A';
  const tamperedPayload = `${envelope.payload.slice(0, i)}${flipped}${envelope.payload.slice(i + 1)}`;
  return {
    valid: { name: valid.file_name, text: valid.text, fingerprint: valid.fingerprint },
    tampered: { name: `tampered-${valid.file_name}`, text: valid.text.replace(envelope.payload, tamperedPayload) },
    expired: { name: `expired-${expired.file_name}`, text: expired.text },
    forged: { name: `forged-${valid.file_name}`, ...forge(valid.text) },
    otherFingerprint: other.fingerprint,
  };
};
