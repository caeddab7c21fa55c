import type { BlockReason } from '../../../shared/domain/checks';
import { tcpFailureWords, tlsFailureWords, type FailurePath } from '../../../shared/errors/network-failures';

// Map what undici, net and tls throw to the engine's coded reasons.

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ABORT_ERR',
]);

// Every certificate verification failure Node reports (OpenSSL's X509_V_ERR_* names as Node spells
// them, see node/src/crypto/crypto_common.cc) is a TLS failure, whatever the message says: a leaf
// without the serverAuth purpose (INVALID_PURPOSE) used to fall through to `unreachable`.
const X509_VERIFY_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CRL_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CRL_NOT_YET_VALID',
  'CRL_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

/** Node's own TLS errors (ERR_TLS_CERT_ALTNAME_INVALID, …) and OpenSSL's (ERR_SSL_*, ERR_OSSL_*). */
const TLS_PREFIXES = ['ERR_TLS_', 'ERR_SSL_', 'ERR_OSSL_'] as const;

const isTlsCode = (code: string): boolean => X509_VERIFY_CODES.has(code) || TLS_PREFIXES.some((p) => code.startsWith(p));

const codeOf = (e: unknown): string | undefined => {
  if (typeof e !== 'object' || e === null) return undefined;
  if ('code' in e && typeof e.code === 'string') return e.code;
  return 'cause' in e ? codeOf(e.cause) : undefined;
};

/** The code Node or undici gave the error (or its cause), `EUNKNOWN` when none. */
export const networkErrorCode = (e: unknown): string => codeOf(e) ?? 'EUNKNOWN';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface MappedError {
  readonly reason: BlockReason;
  readonly detail: string;
}

/**
 * The coded reason of a failed exchange, and its detail: with the attempt's path (host, address,
 * proxy), a connection or certificate failure in words (network-failures.ts), the code kept.
 */
export const mapNetworkError = (e: unknown, overallExpired: boolean, path?: FailurePath): MappedError => {
  const code = networkErrorCode(e);
  const detail = `${code}: ${messageOf(e)}`;
  if (overallExpired) return { reason: 'timeout', detail: `the overall time limit was reached${path === undefined ? '' : ` talking to ${path.host}`}` };
  if (code === 'BTS_PIN_VIOLATION') return { reason: 'dns', detail };
  if (code === 'BTS_PROXY_REFUSED_IP') return { reason: 'proxy_refused_ip', detail };
  const words = path === undefined ? null : isTlsCode(code) ? tlsFailureWords(code, path) : tcpFailureWords(code, path);
  const said = words === null ? detail : `${words} [${detail}]`;
  if (TIMEOUT_CODES.has(code)) return { reason: 'timeout', detail: said };
  if (isTlsCode(code)) return { reason: 'tls', detail: said };
  return { reason: 'unreachable', detail: said };
};
