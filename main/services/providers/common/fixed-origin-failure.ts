import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import type { BlockReason } from '../../../../shared/domain/checks';
import {
  EXTRA_CA_FIX,
  exchangeFailureWords,
  proxyHintWords,
  proxyRefusedWords,
  proxyUnreachableWords,
  tcpFailureWords,
  tlsFailureWords,
  type FailurePath,
} from '../../../../shared/errors/network-failures';
import { mapNetworkError, networkErrorCode } from '../../net/error-map';
import { lookupHost } from '../../url-safety/lookup-host';
import type { Resolver } from '../../url-safety/resolver';

// Why a call of the fixed-origin client (Bitbucket Cloud) got no HTTP answer, in the words the
// Data Center check uses (shared/errors/network-failures.ts): the host, the resolver, the address,
// direct or through which proxy, the code kept; then what the admin can change about the path
// (HTTPS_PROXY / NO_PROXY). Never a sentence a server or proxy shaped: only codes and statuses.

/** A lookup through the network's resolver that found no address; its message is our own words. */
class DnsLookupFailure extends Error {
  readonly code = 'BTS_DNS_FAILED';
  constructor(
    message: string,
    readonly reason: BlockReason,
  ) {
    super(message);
  }
}

/** net.connect's `lookup`, answered by the network's resolver (the one the URL-safety checks ask). */
export const resolverLookup =
  (resolver: Resolver): LookupFunction =>
  (hostname, options, callback) => {
    void lookupHost(hostname, resolver).then((found) => {
      if (!found.ok) {
        callback(new DnsLookupFailure(found.detail, found.reason), '', 0);
        return;
      }
      const all = found.answers.map((address) => ({ address, family: isIP(address) }));
      const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
      const first = wanted[0] ?? all[0];
      if (options.all === true) callback(null, wanted.length > 0 ? wanted : all);
      else if (first !== undefined) callback(null, first.address, first.family);
    });
  };

const findIn = <T>(e: unknown, pick: (x: object) => T | undefined): T | undefined => {
  if (typeof e !== 'object' || e === null) return undefined;
  return pick(e) ?? ('cause' in e ? findIn(e.cause, pick) : undefined);
};

/** Where the failed connection went, as Node reports it on the error (`address`, `port`). */
const socketAddressOf = (e: unknown): { address: string; port: number } | undefined =>
  findIn(e, (x) => ('address' in x && typeof x.address === 'string' && 'port' in x && typeof x.port === 'number' ? { address: x.address, port: x.port } : undefined));

/** undici's ProxyAgent says "Proxy response (403) !== 200 when HTTP Tunneling": only the status is read. */
const proxyStatusOf = (e: unknown): number | undefined =>
  findIn(e, (x) => {
    const m = x instanceof Error && 'code' in x && x.code === 'UND_ERR_ABORTED' ? /^Proxy response \((\d{3})\)/u.exec(x.message) : null;
    return m === null ? undefined : Number(m[1]);
  });

/** Codes of a connection that never opened; through a proxy, that connection is the one to the proxy. */
const PROXY_LEG_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export interface FailedAttempt {
  readonly url: URL;
  /** The proxy used (scheme://host:port, no userinfo), or null for a direct connection. */
  readonly proxy: string | null;
  /** HTTPS_PROXY is set, but NO_PROXY sent this host around it. */
  readonly bypassed: boolean;
}

export const describeFixedOriginFailure = (cause: unknown, attempt: FailedAttempt): { reason: BlockReason; detail: string } => {
  const host = attempt.url.hostname.replace(/^\[|\]$/gu, '');
  const hint = proxyHintWords({ host, proxy: attempt.proxy }, attempt.bypassed);
  const dns = findIn(cause, (x) => (x instanceof DnsLookupFailure ? x : undefined));
  if (dns !== undefined) return { reason: dns.reason, detail: `${dns.message} ${hint}` };
  const code = networkErrorCode(cause);
  const { reason } = mapNetworkError(cause, false);
  const socket = socketAddressOf(cause);
  const path: FailurePath = { host, proxy: attempt.proxy, fixedHost: true, ...(socket === undefined ? {} : { address: `${socket.address} port ${socket.port}` }) };
  if (attempt.proxy !== null) {
    const proxied = { ...path, proxy: attempt.proxy };
    const status = proxyStatusOf(cause);
    if (status !== undefined) return { reason: 'unreachable', detail: `${proxyRefusedWords(status, proxied)} ${hint}` };
    // Through a proxy, this machine opens one connection: to the proxy. The proxy connects onwards.
    if (PROXY_LEG_CODES.has(code)) return { reason, detail: `${proxyUnreachableWords(code, proxied)} ${hint}` };
  }
  const words = reason === 'tls' ? tlsFailureWords(code, path, EXTRA_CA_FIX) : (tcpFailureWords(code, path) ?? exchangeFailureWords(code, path));
  return { reason, detail: `${words} ${hint}` };
};
