import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict, ed25519KeyFromSpki, fingerprintOfSpki, pae, signEnvelope, spkiDerOf, verifyPae } from '../../../../main/services/bundle/dsse';

describe('DSSE pre-authentication encoding', () => {
  it('matches the DSSE specification example', () => {
    const out = pae('http://example.com/HelloWorld', Buffer.from('hello world'));
    expect(out.toString('utf8')).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters', () => {
    expect(pae('t', Buffer.from('é', 'utf8')).toString('utf8')).toBe('DSSEv1 1 t 2 é');
  });

  it('signs and verifies; a different type or body fails', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const env = signEnvelope('a/b', Buffer.from('{}'), privateKey, 'k');
    const sig = Buffer.from(env.signatures[0]?.sig ?? '', 'base64');
    expect(verifyPae('a/b', Buffer.from('{}'), sig, publicKey)).toBe(true);
    expect(verifyPae('a/c', Buffer.from('{}'), sig, publicKey)).toBe(false);
    expect(verifyPae('a/b', Buffer.from('{ }'), sig, publicKey)).toBe(false);
    expect(verifyPae('a/b', Buffer.from('{}'), sig.subarray(1), publicKey)).toBe(false);
  });
});

describe('key fingerprints', () => {
  it('is sha256: + hex of the SPKI DER, and the DER reads back as Ed25519', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const der = spkiDerOf(publicKey);
    expect(der.length).toBe(44);
    expect(fingerprintOfSpki(der)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ed25519KeyFromSpki(der)?.asymmetricKeyType).toBe('ed25519');
  });

  it('refuses a key that is not Ed25519', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(ed25519KeyFromSpki(spkiDerOf(publicKey))).toBeNull();
    expect(ed25519KeyFromSpki(Buffer.from('nope'))).toBeNull();
  });
});

describe('strict base64', () => {
  it.each([
    ['QQ==', 'A'],
    ['QUI=', 'AB'],
    ['QUJD', 'ABC'],
    ['', ''],
  ])('decodes %s', (text, plain) => {
    expect(decodeBase64Strict(text)?.toString('utf8')).toBe(plain);
  });

  it.each([
    ['unused low bits set', 'QR=='],
    ['missing padding', 'QQ'],
    ['whitespace', 'QU JD'],
    ['a newline', 'QUJD\n'],
    ['url-safe alphabet', 'Pz_-'],
    ['padding in the middle', 'QQ==QUJD'],
  ])('refuses %s', (_name, text) => {
    expect(decodeBase64Strict(text)).toBeNull();
  });
});
