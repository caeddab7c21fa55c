import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, Pool, ProxyAgent, type Dispatcher } from 'undici';
import type { StageTracker } from '../../progress/call-progress';
import { readyStartsHttp, watchedConnector } from '../../net/watched-connector';

// The connections of the fixed-origin client (Bitbucket Cloud): the root's shared ones, kept
// alive between calls, and a connection of its own for each request of a long call, closed after
// it. The call's connection stops on the call's cancel: the direct one through the watched
// connector (a connecting socket destroyed at once), the proxied one by destroying its ProxyAgent
// (undici gives a request's signal neither to the ProxyAgent's CONNECT nor to a connector, so a
// CONNECT the proxy did not answer used to stay open until its limit). It reports the stages of
// the exchange as the Data Center one does (fetch-once.ts).

export interface FixedOriginTransport {
  /** TLS to the origin: extra CA certificates, the limit, verification on. */
  readonly tls: { readonly ca?: string[]; readonly timeout: number; readonly rejectUnauthorized: true };
  /** The network's resolver as net.connect's lookup (fixed-origin-failure.ts). */
  readonly lookup: LookupFunction;
  readonly timeoutMs: number;
}

const timeouts = (t: FixedOriginTransport) => ({ headersTimeout: t.timeoutMs, bodyTimeout: t.timeoutMs });

/** The root's shared direct connections. */
export const sharedDirect = (t: FixedOriginTransport): Dispatcher => new Agent({ connect: { ...t.tls, lookup: t.lookup }, ...timeouts(t) });

/**
 * A ProxyAgent to `proxy`; credentials never travel to the proxy: the TLS tunnel (CONNECT) ends at
 * the provider. The proxy's answer to CONNECT is awaited no longer than any answer (undici's
 * default for it is 300 s).
 */
export const proxied = (proxy: string, t: FixedOriginTransport, factory?: (origin: string | URL, opts: object) => Dispatcher): Dispatcher =>
  new ProxyAgent({
    uri: proxy,
    requestTls: t.tls,
    ...timeouts(t),
    clientFactory: (origin, opts) => new Pool(origin, { ...opts, ...timeouts(t) }),
    ...(factory === undefined ? {} : { factory }),
  });

/** The lookup of one call's connection: its answer starts the connection stage. */
const reportingLookup =
  (lookup: LookupFunction, stages: StageTracker, limitMs: number): LookupFunction =>
  (hostname, options, callback) =>
    lookup(hostname, options, (err, address, family) => {
      if (err === null) stages.enter('connection', limitMs);
      callback(err, address, family);
    });

/**
 * The origin pool of a call's ProxyAgent, its tunnel's connector wrapped so that the tunnel and TLS
 * standing start the HTTP stage (the connection stage, to the proxy and through it, runs until then).
 */
const reportingPool =
  (stages: StageTracker, limitMs: number) =>
  (origin: string | URL, opts: object): Dispatcher => {
    const connect: unknown = Reflect.get(opts, 'connect');
    if (typeof connect !== 'function') return new Pool(origin, opts);
    const tunnel: buildConnector.connector = (options, callback) => {
      Reflect.apply(connect, undefined, [options, callback]);
    };
    return new Pool(origin, { ...opts, connect: readyStartsHttp(tunnel, stages, limitMs) });
  };

/**
 * The connection of one request of a long call: direct, or through `proxy`. The caller destroys it
 * after the request, and at once on the call's cancel (a CONNECT the proxy has not answered, a TLS
 * handshake in the tunnel: closed now).
 */
export const ownConnection = (t: FixedOriginTransport, url: URL, proxy: string | undefined, signal: AbortSignal, stages: StageTracker): Dispatcher => {
  if (proxy !== undefined) {
    stages.enter('connection', t.timeoutMs);
    // Its CONNECT stops only when the agent is destroyed: the client destroys it on the signal.
    return proxied(proxy, t, reportingPool(stages, t.timeoutMs));
  }
  // An address needs no lookup (net.connect asks none): the connection stage starts at once.
  stages.enter(isIP(url.hostname.replace(/^\[|\]$/gu, '')) === 0 ? 'dns' : 'connection', t.timeoutMs);
  const base = buildConnector({ ...t.tls, lookup: reportingLookup(t.lookup, stages, t.timeoutMs) });
  const connect = watchedConnector(base, { connectMs: t.timeoutMs, signal, onTcpConnected: () => stages.enter('tls', t.timeoutMs) });
  return new Agent({ connect: readyStartsHttp(connect, stages, t.timeoutMs), ...timeouts(t), connections: 1, pipelining: 0 });
};
