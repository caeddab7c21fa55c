import { Agent, request, type Dispatcher } from 'undici';
import type { BlockReason, TlsEvidence } from '../../../shared/domain/checks';
import type { ClassifiedAddress } from '../url-safety/classify-ip';
import { mapNetworkError } from './error-map';
import type { NetLimits } from './limits';
import { pinnedConnector } from './pinned-connector';
import { proxyOrigin } from './proxy-env';
import { proxyTunnelConnector } from './proxy-tunnel';
import { readyStartsHttp } from './watched-connector';
import type { StageTracker } from '../progress/call-progress';

// One HTTPS exchange over a connection pinned to the checked addresses (or through the
// configured proxy, tunnelled to a checked address: proxy-tunnel.ts), under the limits, without
// following redirects.

export interface OnceRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly host: string;
  readonly addresses: readonly ClassifiedAddress[];
  readonly ca?: string;
  readonly limits: NetLimits;
  readonly signal: AbortSignal;
  /** A proxy URL: the target's checks already ran locally; the tunnel goes to the checked address. */
  readonly proxy?: string;
  /** With a proxy: the admin lets it resolve the name when it refuses the checked address. */
  readonly proxyResolvesName?: boolean;
  /**
   * A pool of pinned connections to `addresses` a session keeps (session-http-client.ts); without
   * it each exchange gets a connection of its own, closed after it.
   */
  readonly pool?: Dispatcher;
  /** Reports the connection, TLS and HTTP stages of the exchange (a long call's progress). */
  readonly stages?: StageTracker;
}

export type OnceOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: string;
      readonly tls?: TlsEvidence;
      readonly remote?: string;
      readonly local?: string;
      readonly tls_version?: string;
      readonly resolved_by_proxy?: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: BlockReason;
      readonly detail: string;
      readonly tls?: TlsEvidence;
      readonly local?: string;
      readonly tls_version?: string;
      readonly resolved_by_proxy?: boolean;
    };

/** What the pinned socket showed: certificate, checked address, source address, TLS version. */
interface Seen {
  tls?: TlsEvidence;
  remote?: string;
  local?: string;
  tls_version?: string;
  resolved_by_proxy?: boolean;
}

const flatten = (h: Record<string, string | string[] | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(h)
      .filter((e): e is [string, string | string[]] => e[1] !== undefined)
      .map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]),
  );

const dispatcherFor = (r: OnceRequest, seen: Seen): Dispatcher => {
  const timeouts = { headersTimeout: r.limits.headersMs, bodyTimeout: r.limits.bodyIdleMs };
  const onTls = (ev: TlsEvidence): void => {
    seen.tls = ev;
  };
  const onTlsVersion = (version: string): void => {
    seen.tls_version = version;
  };
  if (r.proxy !== undefined) {
    const connect = proxyTunnelConnector({
      proxy: r.proxy,
      host: r.host,
      addresses: r.addresses,
      connectMs: r.limits.connectMs,
      proxyResolvesName: r.proxyResolvesName === true,
      ...(r.ca === undefined ? {} : { ca: r.ca }),
      onTls,
      onTlsVersion,
      onTunnel: (_target, resolvedByProxy) => {
        seen.resolved_by_proxy = resolvedByProxy;
        // The tunnel stands: what follows is the TLS handshake with the target inside it.
        r.stages?.enter('tls', r.limits.connectMs);
      },
      signal: r.signal,
    });
    return new Agent({ connect: readyStartsHttp(connect, r.stages, r.limits.headersMs), ...timeouts, connections: 1, pipelining: 0 });
  }
  const connect = pinnedConnector({
    host: r.host,
    addresses: r.addresses,
    connectMs: r.limits.connectMs,
    ...(r.ca === undefined ? {} : { ca: r.ca }),
    onTls,
    onConnected: (remote, local) => {
      seen.remote = remote;
      if (local !== undefined) seen.local = local;
    },
    onTlsVersion,
    onTcpConnected: () => r.stages?.enter('tls', r.limits.connectMs),
    signal: r.signal,
  });
  return new Agent({ connect: readyStartsHttp(connect, r.stages, r.limits.headersMs), ...timeouts, connections: 1, pipelining: 0 });
};

export const fetchOnce = async (r: OnceRequest): Promise<OnceOutcome> => {
  const seen: Seen = {};
  // The connect limit covers the TCP connection and the TLS handshake together (pinned-connector.ts).
  r.stages?.enter('connection', r.limits.connectMs);
  const dispatcher = r.pool ?? dispatcherFor(r, seen);
  const withTls = <T extends object>(o: T): T & { tls?: TlsEvidence; local?: string; tls_version?: string; resolved_by_proxy?: boolean } => ({
    ...o,
    ...(seen.tls === undefined ? {} : { tls: seen.tls }),
    ...(seen.local === undefined ? {} : { local: seen.local }),
    ...(seen.tls_version === undefined ? {} : { tls_version: seen.tls_version }),
    ...(seen.resolved_by_proxy === true ? { resolved_by_proxy: true } : {}),
  });
  try {
    const res = await request(r.url, {
      dispatcher,
      method: r.method,
      headers: { ...r.headers },
      ...(r.body === undefined ? {} : { body: r.body }),
      signal: r.signal,
    });
    const headers = flatten(res.headers);
    const declared = Number(headers['content-length'] ?? '0');
    if (declared > r.limits.maxBytes) {
      res.body.destroy();
      return withTls({ ok: false, reason: 'too_large', detail: `content-length ${declared} exceeds ${r.limits.maxBytes} bytes` });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buf.length;
      if (size > r.limits.maxBytes) {
        res.body.destroy();
        return withTls({ ok: false, reason: 'too_large', detail: `response body exceeds ${r.limits.maxBytes} bytes` });
      }
      chunks.push(buf);
    }
    const out = { ok: true as const, status: res.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') };
    return withTls(seen.remote === undefined ? out : { ...out, remote: seen.remote });
  } catch (e) {
    const port = new URL(r.url).port || '443';
    const ips = r.addresses.map((a) => (a.family === 6 ? `[${a.ip}]` : a.ip));
    const address = ips.length === 0 ? undefined : `${ips.join(' or ')} port ${port}`;
    return withTls({ ok: false, ...mapNetworkError(e, r.signal.aborted, { host: r.host, proxy: r.proxy === undefined ? null : proxyOrigin(r.proxy), ...(address === undefined ? {} : { address }) }) });
  } finally {
    if (r.pool === undefined) void dispatcher.destroy().catch(() => undefined);
  }
};
