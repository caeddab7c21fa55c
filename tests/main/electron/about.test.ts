import { describe, expect, it } from 'vitest';
import { aboutDetail } from '../../../main/electron/about';
import { readSigningKeyFingerprint } from '../../../main/electron/signing-key-fingerprint';

const facts = { name: 'App', version: '1.2.3', electron: '41.7.1', chrome: '146.0', node: '22.1.0' };

describe('the About dialog', () => {
  it('names the version, the runtimes and the signing key fingerprint', () => {
    const text = aboutDetail({ ...facts, signingKeyFingerprint: 'SHA256:abcd' });
    for (const part of ['1.2.3', 'Electron 41.7.1', 'Chromium 146.0', 'SHA256:abcd']) expect(text).toContain(part);
  });

  it('says when there is no key yet', () => {
    expect(aboutDetail({ ...facts, signingKeyFingerprint: null })).toContain('No signing key yet');
  });

  it.each([
    ['a key', { ok: true, value: { fingerprint: 'SHA256:ff' } }, 'SHA256:ff'],
    ['no key yet', { ok: true, value: { exists: false, fingerprint: null } }, null],
    ['an error result', { ok: false, error: { code: 'METHOD_UNKNOWN', message: 'x' } }, null],
    ['a malformed answer', { ok: true, value: { fingerprint: 5 } }, null],
    ['nothing', undefined, null],
  ] as const)('reads the fingerprint from the contract: %s', async (_label, answer, expected) => {
    const calls: unknown[][] = [];
    expect(
      await readSigningKeyFingerprint(async (...args) => {
        calls.push(args);
        return answer;
      }),
    ).toBe(expected);
    expect(calls).toEqual([['signingKey.get', { create: false }]]);
  });

  it('survives a call that throws', async () => {
    expect(
      await readSigningKeyFingerprint(async () => {
        throw new Error('boom');
      }),
    ).toBeNull();
  });
});
