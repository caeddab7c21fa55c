import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../main/services/clock/clock';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import { corporateCa, CA_A_PEM } from '../../../support/corporate-ca';
import { dcTunnel, makeExporter, newKey, NOW, payloadOf, signedFile } from './bundle-support';

// Issue 12: the bundle records the corporate CA's subject, SHA-256 fingerprint and expiry, never
// its PEM and never a path; bundles exported before (they named the CA's path) still verify.

const FINGERPRINT_A = 'B7:B3:D0:30:F0:B1:35:2E:54:19:D3:8D:B6:78:A0:82:20:5A:53:C2:72:EF:BB:53:92:59:13:0D:52:4D:2D:A2';

describe('the corporate CA in a bundle', () => {
  it('is its subject, fingerprint, expiry and count, with no PEM in the signed payload', async () => {
    const base = dcTunnel();
    const exported = await makeExporter().exportOk({ ...base, target: { ...base.target, ca: corporateCa(CA_A_PEM) } });
    const target = payloadOf(exported.text)['target'] as Record<string, unknown>;
    expect(target['ca']).toEqual({ subject: 'O=Example Corp, CN=Example Corp Issuing CA A', fingerprint_sha256: FINGERPRINT_A, not_after: '2036-11-28T23:56:26.000Z', count: 1 });
    expect(exported.text).not.toContain('BEGIN CERTIFICATE');
    expect(Buffer.from(JSON.parse(exported.text).payload as string, 'base64').toString('utf8')).not.toContain('BEGIN CERTIFICATE');
    expect(target).not.toHaveProperty('ca_file');
    const v = verifyBundle(Buffer.from(exported.text), { clock: fixedClock(NOW), pinnedFingerprint: exported.fingerprint });
    expect(v.verdict).toBe('valid');
  });

  it('a bundle of the earlier format that named the CA by path still verifies', async () => {
    const key = newKey();
    const p = payloadOf((await makeExporter().exportOk(dcTunnel())).text);
    const old = {
      ...p,
      signing_key: { algorithm: 'Ed25519', public_key_spki: key.spki, fingerprint: key.fingerprint },
      target: { ...(p['target'] as object), ca_file: '/etc/ssl/corp-ca.pem' },
    };
    const v = verifyBundle(Buffer.from(signedFile(old, key.privateKey, key.fingerprint)), { clock: fixedClock(NOW), pinnedFingerprint: key.fingerprint });
    expect(v.verdict).toBe('valid');
  });

  it('a signed payload carrying a CA PEM object (not the summary) is refused as malformed', async () => {
    const key = newKey();
    const p = payloadOf((await makeExporter().exportOk(dcTunnel())).text);
    const forged = {
      ...p,
      signing_key: { algorithm: 'Ed25519', public_key_spki: key.spki, fingerprint: key.fingerprint },
      target: { ...(p['target'] as object), ca: corporateCa(CA_A_PEM) },
    };
    const v = verifyBundle(Buffer.from(signedFile(forged, key.privateKey, key.fingerprint)), { clock: fixedClock(NOW), pinnedFingerprint: key.fingerprint });
    expect(v.verdict).toBe('BUNDLE_MALFORMED');
  });
});
