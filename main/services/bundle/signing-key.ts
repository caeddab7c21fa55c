import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/contract/define';
import type { SecretStore } from '../secrets/secret-store';
import { fingerprintOfSpki, spkiDerOf } from './dsse';

// The app's Ed25519 signing key. The private half lives only in the keychain (PKCS#8 PEM under one
// account) and is read for the one call that signs; the public half and its fingerprint are shown
// to people and travel inside every bundle, so old bundles still verify after a rotation.

/**
 * Keychain account of the private key. Target accounts are `<target id>:<kind>` and a target id
 * cannot start with `_`, so deleting a target named "app" can never take the signing key with it.
 */
export const SIGNING_KEY_ACCOUNT = '_app:signing_key';

export interface SigningKeyInfo {
  readonly algorithm: 'Ed25519';
  readonly fingerprint: string;
  /** Base64 of the SPKI DER. */
  readonly public_key_spki: string;
  readonly public_key_pem: string;
}

/** The key for one signing call. Never logged, never returned across the contract. */
export interface LoadedSigningKey {
  readonly info: SigningKeyInfo;
  readonly privateKey: KeyObject;
}

export interface SigningKeyService {
  /** The current key's public half, or null when none was made yet. Never makes one. */
  peek(): Promise<Result<SigningKeyInfo | null>>;
  /** The current key, made and stored on first use. */
  load(): Promise<Result<LoadedSigningKey & { readonly created: boolean }>>;
  /** Replace the key with a new one; answers the new key and the fingerprint it replaced. */
  rotate(): Promise<Result<{ readonly info: SigningKeyInfo; readonly previous_fingerprint: string | null }>>;
}

export const publicInfoOf = (publicKey: KeyObject): SigningKeyInfo => {
  const der = spkiDerOf(publicKey);
  return {
    algorithm: 'Ed25519',
    fingerprint: fingerprintOfSpki(der),
    public_key_spki: der.toString('base64'),
    public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

const keychainFailure = (cause: unknown): Result<never> =>
  fail(
    'KEYCHAIN_UNAVAILABLE',
    // keytar-store's KeychainUnavailableError carries a hint and never a secret; other texts stay out.
    cause instanceof Error && cause.name === 'KeychainUnavailableError' ? cause.message : 'The OS keychain could not be reached for the signing key.',
  );

/** The stored PEM as an Ed25519 private key, or null when it is not one. */
const parsePrivate = (pem: string): KeyObject | null => {
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
};

const generate = (): { privateKey: KeyObject; pem: string } => {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
};

export const createSigningKeyService = (secrets: SecretStore): SigningKeyService => {
  // One operation at a time, so two first uses cannot each make (and store) a different key.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const next = queue.then(op, op);
    queue = next.catch(() => undefined);
    return next;
  };

  const loaded = (privateKey: KeyObject): LoadedSigningKey => ({ privateKey, info: publicInfoOf(createPublicKey(privateKey)) });

  /** The stored key; null when there is none; a failure when it is unreadable. Inside `serial` only. */
  const stored = async (): Promise<Result<KeyObject | null>> => {
    const pem = await secrets.get(SIGNING_KEY_ACCOUNT);
    if (pem === null) return ok(null);
    const privateKey = parsePrivate(pem);
    return privateKey === null
      ? fail('KEYCHAIN_UNAVAILABLE', 'The signing key in the keychain is unreadable; rotate the signing key to make a new one.')
      : ok(privateKey);
  };

  const load = (): Promise<Result<LoadedSigningKey & { created: boolean }>> =>
    serial(async () => {
      try {
        const current = await stored();
        if (!current.ok) return current;
        if (current.value !== null) return ok({ ...loaded(current.value), created: false });
        const fresh = generate();
        await secrets.set(SIGNING_KEY_ACCOUNT, fresh.pem);
        return ok({ ...loaded(fresh.privateKey), created: true });
      } catch (cause) {
        return keychainFailure(cause);
      }
    });

  const peek = (): Promise<Result<SigningKeyInfo | null>> =>
    serial(async () => {
      try {
        const current = await stored();
        if (!current.ok) return current;
        return ok(current.value === null ? null : loaded(current.value).info);
      } catch (cause) {
        return keychainFailure(cause);
      }
    });

  const rotate = (): Promise<Result<{ info: SigningKeyInfo; previous_fingerprint: string | null }>> =>
    serial(async () => {
      try {
        // An unreadable old key is exactly what rotation repairs: it has no fingerprint to report.
        const old = await stored();
        const oldKey = old.ok ? old.value : null;
        const fresh = generate();
        await secrets.set(SIGNING_KEY_ACCOUNT, fresh.pem);
        return ok({
          info: loaded(fresh.privateKey).info,
          previous_fingerprint: oldKey === null ? null : publicInfoOf(createPublicKey(oldKey)).fingerprint,
        });
      } catch (cause) {
        return keychainFailure(cause);
      }
    });

  return { peek, load, rotate };
};
