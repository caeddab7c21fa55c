import { describe, expect, it } from 'vitest';
import { mapNetworkError } from '../../../../main/services/net/error-map';

// What Node, OpenSSL and undici throw, mapped to the engine's reasons. Every certificate
// verification failure is `tls` (the code may sit on the error or on its cause).

const errorWith = (code: string, onCause = false): Error => {
  const inner = Object.assign(new Error(`boom ${code}`), { code });
  return onCause ? new Error('fetch failed', { cause: inner }) : inner;
};

describe('mapNetworkError', () => {
  const tls = [
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'INVALID_PURPOSE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'CERT_REVOKED',
    'CERT_SIGNATURE_FAILURE',
    'CERT_CHAIN_TOO_LONG',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'HOSTNAME_MISMATCH',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
    'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
    'ERR_OSSL_EVP_UNSUPPORTED',
    'EPROTO',
  ];
  it.each(tls.flatMap((c) => [[c, false] as const, [c, true] as const]))('%s (on the cause: %s) -> tls', (code, onCause) => {
    const m = mapNetworkError(errorWith(code, onCause), false);
    expect(m.reason).toBe('tls');
    expect(m.detail.startsWith(`${code}: `)).toBe(true);
  });

  it.each([
    ['ECONNREFUSED', 'unreachable'],
    ['ECONNRESET', 'unreachable'],
    ['EHOSTUNREACH', 'unreachable'],
    ['UND_ERR_SOCKET', 'unreachable'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['ETIMEDOUT', 'timeout'],
    ['BTS_PIN_VIOLATION', 'dns'],
  ])('%s -> %s', (code, reason) => {
    expect(mapNetworkError(errorWith(code), false).reason).toBe(reason);
  });

  it('the overall deadline wins over any code', () => {
    expect(mapNetworkError(errorWith('CERT_HAS_EXPIRED'), true)).toEqual({ reason: 'timeout', detail: 'the overall time limit was reached' });
  });

  it('an error with no code is unreachable, named EUNKNOWN', () => {
    expect(mapNetworkError(new Error('odd'), false)).toEqual({ reason: 'unreachable', detail: 'EUNKNOWN: odd' });
  });
});
