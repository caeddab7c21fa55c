// What a failed connection attempt means, in words naming the host, the resolver and the path
// (direct or through a proxy), with the raw code kept as evidence. One place for these words: the
// DNS stage, the pinned exchange and the Cloud client all describe their failures through it.

/** How the attempt went: direct, or through the proxy named (scheme://host:port, never userinfo). */
export interface FailurePath {
  readonly host: string;
  /** The DNS servers asked (`ip` or `ip:port`); empty or absent: the system's. */
  readonly resolver?: readonly string[];
  readonly proxy?: string | null;
  /** The address and port the connection went to, when one was tried. */
  readonly address?: string;
  /** A host the app reaches on its own (Bitbucket Cloud): no URL the admin typed, so no fix points at one. */
  readonly fixedHost?: boolean;
}

/** `proxy` absent: a DNS lookup, which this machine always makes itself (the checks run here, before any proxy). */
const viaOf = (p: FailurePath): string =>
  p.proxy === undefined ? 'asked from this machine, proxy or not' : p.proxy === null ? 'direct connection, no proxy' : `through the proxy ${p.proxy}`;
const resolverOf = (p: FailurePath): string => (p.resolver === undefined || p.resolver.length === 0 ? "this machine's resolver" : `the resolver ${p.resolver.join(', ')}`);

/** The corporate CA fix every certificate failure ends with. */
export const CORPORATE_CA_FIX =
  'If your company issues its own certificates or inspects TLS, add the issuing CA (a PEM file) in the Corporate CA field of the Target step, then check again.';

/** OpenSSL's and Node's certificate codes in words (node/src/crypto/crypto_common.cc spells them). */
const TLS_WORDS: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet (check the clocks)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed: nothing this machine trusts vouches for it',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed root this machine does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate was issued by a CA this machine does not know (the chain cannot be verified)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate was issued by a CA this machine does not know (the issuer is not in the trusted store)',
  UNABLE_TO_GET_ISSUER_CERT: 'the issuer of its certificate could not be found',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
  HOSTNAME_MISMATCH: 'its certificate is for another host name',
  CERT_REVOKED: 'its certificate was revoked',
  INVALID_PURPOSE: 'its certificate is not meant for a TLS server (no serverAuth purpose)',
  CERT_SIGNATURE_FAILURE: "its certificate's signature does not verify",
  INVALID_CA: 'a CA in its chain is not allowed to issue certificates',
  CERT_CHAIN_TOO_LONG: 'its certificate chain is too long',
};

/**
 * The same fix for a host the app reaches without a Target step field: Bitbucket Cloud's fixed
 * origins trust the system certificates plus NODE_EXTRA_CA_CERTS, which Node reads once at start
 * (browser mode, the CLI, `npm start`). The installed desktop app's fuses turn NODE_OPTIONS off,
 * and Electron reads NODE_EXTRA_CA_CERTS only with that fuse on (electron/electron#41689).
 */
export const EXTRA_CA_FIX =
  'If your company inspects TLS (a proxy that re-signs certificates), start the app in browser mode or from the command line with NODE_EXTRA_CA_CERTS set to the PEM file of that CA: Bitbucket Cloud has no Corporate CA field, its calls trust the system certificates and that file (the installed desktop app does not read it).';

/** A certificate or TLS failure in words, the code kept: "… its certificate has expired (CERT_HAS_EXPIRED) …". */
export const tlsFailureWords = (code: string, p: FailurePath, fix: string = CORPORATE_CA_FIX): string =>
  `TLS: ${p.host}${p.address === undefined ? '' : ` (${p.address})`} was refused because ${TLS_WORDS[code] ?? 'the TLS handshake failed'} (${code}; ${viaOf(p)}). ${fix}`;

export const isKnownTlsCode = (code: string): boolean => code in TLS_WORDS;

/** The name does not exist (NXDOMAIN). */
export const nxdomainWords = (p: FailurePath): string =>
  `DNS: ${resolverOf(p)} answers that ${p.host} does not exist (NXDOMAIN, ${viaOf(p)}). Check the spelling of the host, or that this machine uses the company's DNS (VPN connected?).`;

/** The name exists but has no A or AAAA record. */
export const noAddressWords = (p: FailurePath, codes: string): string =>
  `DNS: ${resolverOf(p)} knows ${p.host} but gives it no A or AAAA address${codes} (${viaOf(p)}).`;

/** The resolver never answered. */
export const dnsTimeoutWords = (p: FailurePath): string =>
  `DNS: ${resolverOf(p)} did not answer for ${p.host} in time (ETIMEOUT, ${viaOf(p)}). The DNS server is unreachable from here or drops the query: check the VPN and this machine's DNS settings.`;

export const dnsErrorWords = (p: FailurePath, codes: string): string => `DNS: the lookup of ${p.host} with ${resolverOf(p)} failed (${codes}; ${viaOf(p)}).`;

/** A connection attempt's failure by its Node code, in words; null when the code is not one of these. */
export const tcpFailureWords = (code: string, p: FailurePath): string | null => {
  const to = `${p.host}${p.address === undefined ? '' : ` at ${p.address}`}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `TCP: ${to} refused the connection (ECONNREFUSED, ${viaOf(p)}): the host answers, but nothing listens on that port or a firewall rejects it. ${p.fixedHost === true ? `Ask the network team whether HTTPS (port 443) to ${p.host} is allowed from this machine.` : 'Check the port in the URL.'}`;
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `TCP: no answer from ${to} within the connect limit (${code}, ${viaOf(p)}): packets are dropped on the way (a firewall, a missing route, or the VPN is down).`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `TCP: there is no route from this machine to ${to} (${code}, ${viaOf(p)}).`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `TCP: ${to} closed the connection before answering (${code}, ${viaOf(p)}): a firewall or proxy in between may be cutting it.`;
    default:
      return null;
  }
};

/** The proxy answered CONNECT with something other than 2xx: it will not open the tunnel. */
export const proxyRefusedWords = (status: number, p: FailurePath & { readonly proxy: string }): string =>
  `Proxy: the proxy ${p.proxy} refused to open a tunnel to ${p.host} (it answered CONNECT with HTTP ${status}). Ask the proxy team to allow CONNECT to ${p.host} on port 443, or, if this machine reaches ${p.host} directly, add it to NO_PROXY.`;

/** The connection to the proxy itself failed, before any tunnel was asked for. */
export const proxyUnreachableWords = (code: string, p: FailurePath & { readonly proxy: string }): string =>
  `Proxy: the proxy ${p.proxy} itself could not be reached on the way to ${p.host} (${code}): check the HTTPS_PROXY value and that the proxy runs.`;

/** Any other failure of an exchange: the code, the host and the path, no words a server shaped. */
export const exchangeFailureWords = (code: string, p: FailurePath): string =>
  code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
    ? `HTTP: ${p.host} accepted the connection but did not answer within the time limit (${code}, ${viaOf(p)}).`
    : `The exchange with ${p.host} failed (${code}, ${viaOf(p)}).`;

/**
 * What the admin can change about the path, after a failure of a call the app makes on its own
 * (no Target step field): which proxy was used or why none was, and that the app honours
 * HTTPS_PROXY and NO_PROXY. `bypassed`: HTTPS_PROXY is set but NO_PROXY lists the host.
 */
export const proxyHintWords = (p: FailurePath, bypassed: boolean): string =>
  typeof p.proxy === 'string'
    ? `The app went through HTTPS_PROXY (${p.proxy}) for ${p.host}; if this machine reaches ${p.host} directly, add it to NO_PROXY.`
    : bypassed
      ? `HTTPS_PROXY is set, but NO_PROXY lists ${p.host}, so the app connected directly; if ${p.host} is reachable only through the proxy here, take it out of NO_PROXY.`
      : `No proxy was used: the app honours HTTPS_PROXY (and NO_PROXY for the hosts it reaches directly), so if this machine reaches ${p.host} only through a proxy, start the app with HTTPS_PROXY=http://proxy.host:port set.`;
