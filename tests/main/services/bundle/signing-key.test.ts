import { describe, expect, it } from 'vitest';
import { createSigningKeyService, SIGNING_KEY_ACCOUNT } from '../../../../main/services/bundle/signing-key';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import type { SecretStore } from '../../../../main/services/secrets/secret-store';
import { dcTunnel, makeExporter, memorySecrets } from './bundle-support';

const loadOk = async (svc: ReturnType<typeof createSigningKeyService>) => {
  const r = await svc.load();
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('the signing key', () => {
  it('is made on first use, kept in the secret store only, and reused after', async () => {
    const secrets = memorySecrets();
    const svc = createSigningKeyService(secrets);
    const first = await loadOk(svc);
    expect(first.created).toBe(true);
    expect(await secrets.accounts()).toEqual([SIGNING_KEY_ACCOUNT]);
    expect(secrets.data.get(SIGNING_KEY_ACCOUNT)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const second = await loadOk(createSigningKeyService(secrets));
    expect(second.created).toBe(false);
    expect(second.info).toEqual(first.info);
    expect(first.info.algorithm).toBe('Ed25519');
    expect(first.info.public_key_pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    // The public info never holds the private key.
    expect(JSON.stringify(first.info)).not.toContain(String(secrets.data.get(SIGNING_KEY_ACCOUNT)).split('\n')[1]);
  });

  it('makes one key when several first uses race', async () => {
    const secrets = memorySecrets();
    const svc = createSigningKeyService(secrets);
    const all = await Promise.all([svc.load(), svc.load(), svc.load(), svc.load()]);
    const fps = new Set(all.map((r) => (r.ok ? r.value.info.fingerprint : r.error.code)));
    expect(fps.size).toBe(1);
    expect(all.filter((r) => r.ok && r.value.created)).toHaveLength(1);
  });

  it('rotates in one action; bundles signed before still verify with the key they carry', async () => {
    const ex = makeExporter();
    const before = await ex.exportOk(dcTunnel());
    const rotated = await ex.keys.rotate();
    expect(rotated.ok).toBe(true);
    if (!rotated.ok) return;
    expect(rotated.value.previous_fingerprint).toBe(before.fingerprint);
    expect(rotated.value.info.fingerprint).not.toBe(before.fingerprint);
    const after = await ex.exportOk(dcTunnel());
    expect(after.fingerprint).toBe(rotated.value.info.fingerprint);
    expect(verifyBundle(before.text, { clock: ex.clock, pinnedFingerprint: before.fingerprint }).verdict).toBe('valid');
    expect(verifyBundle(after.text, { clock: ex.clock, pinnedFingerprint: after.fingerprint }).verdict).toBe('valid');
    // A trust list holding both keys accepts both bundles across the rotation.
    const both = [before.fingerprint, after.fingerprint];
    expect([before, after].map((b) => verifyBundle(b.text, { clock: ex.clock, trusted: both }).verdict)).toEqual(['valid', 'valid']);
    // A reviewer who pinned the old key is told the new bundle uses a different one.
    expect(verifyBundle(after.text, { clock: ex.clock, pinnedFingerprint: before.fingerprint }).verdict).toBe('BUNDLE_KEY_MISMATCH');
  });

  it('rotating with no key yet makes one and reports no previous fingerprint', async () => {
    const r = await createSigningKeyService(memorySecrets()).rotate();
    expect(r.ok && r.value.previous_fingerprint).toBeNull();
  });

  it('reports KEYCHAIN_UNAVAILABLE when the stored key is unreadable, without echoing it', async () => {
    const secrets = memorySecrets();
    await secrets.set(SIGNING_KEY_ACCOUNT, 'garbage-that-is-not-a-key-4711');
    const r = await createSigningKeyService(secrets).load();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(r.error.message).toMatch(/rotate/);
    expect(JSON.stringify(r)).not.toContain('garbage-that-is-not-a-key-4711');
  });

  it.each([
    ['keytar says there is no Secret Service', Object.assign(new Error('No Secret Service is running.'), { name: 'KeychainUnavailableError' }), /No Secret Service/],
    ['some other failure with text that must not leak', new Error('dbus said: token=abc123'), /could not be reached/],
  ])('reports KEYCHAIN_UNAVAILABLE when %s', async (_name, error, message) => {
    const broken: SecretStore = {
      get: () => Promise.reject(error),
      set: () => Promise.reject(error),
      delete: () => Promise.reject(error),
      accounts: () => Promise.reject(error),
    };
    const svc = createSigningKeyService(broken);
    for (const r of [await svc.load(), await svc.rotate()]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(r.error.message).toMatch(message);
      expect(r.error.message).not.toContain('abc123');
    }
  });
});
