import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { TlsEvidence } from '../../../shared/domain/checks';

// What the app records about the certificate it was shown: SHA-256 fingerprint, the SPKI pin
// (base64 SHA-256 of the DER SubjectPublicKeyInfo, as in HPKP), subject, issuer, validity.

const oneLine = (dn: string): string => dn.split('\n').filter((s) => s !== '').join(', ');

export const tlsEvidenceOf = (socket: TLSSocket): TlsEvidence | undefined => {
  const x509 = socket.getPeerX509Certificate();
  if (x509 === undefined) return undefined;
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  return {
    fingerprint_sha256: x509.fingerprint256,
    spki_sha256: createHash('sha256').update(spki).digest('base64'),
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    valid_from: new Date(x509.validFrom).toISOString(),
    valid_to: new Date(x509.validTo).toISOString(),
  };
};
