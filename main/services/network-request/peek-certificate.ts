import { connect, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import type { TlsEvidence } from '../../../shared/domain/checks';
import { tlsEvidenceOf } from '../net/tls-evidence';

// When the probe refused the host's certificate, the network team still needs to know which
// certificate and issuer it presented. This handshake goes to the one address the URL-safety
// checks already allowed, reads the certificate without trusting it, and closes: no request, no
// header, no credential is ever sent on it.

export interface PeekedCertificate {
  readonly tls: TlsEvidence;
  readonly localAddress: string | null;
  readonly tlsVersion: string | null;
}

export const peekCertificate = (o: { readonly ip: string; readonly port: number; readonly host: string; readonly timeoutMs: number }): Promise<PeekedCertificate | null> =>
  new Promise((resolve) => {
    const socket: TLSSocket = connect({ host: o.ip, port: o.port, ...(isIP(o.host) === 0 ? { servername: o.host } : {}), rejectUnauthorized: false });
    const done = (v: PeekedCertificate | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), o.timeoutMs);
    socket.once('secureConnect', () => {
      const tls = tlsEvidenceOf(socket);
      done(tls === undefined ? null : { tls, localAddress: socket.localAddress ?? null, tlsVersion: socket.getProtocol() });
    });
    socket.once('error', () => done(null));
  });
