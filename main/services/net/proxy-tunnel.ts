import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { errors, type buildConnector } from 'undici';
import type { TlsEvidence } from '../../../shared/domain/checks';
import { tlsEvidenceOf } from './tls-evidence';
import { trustContextFor } from './trust-context';

// Stage 5 through an HTTPS_PROXY, for a customer host: the tunnel goes to the address that was
// checked, not to the name. undici's ProxyAgent sends `CONNECT name:443` and the proxy resolves
// the name again with its own DNS, so a name that resolves publicly here and to 127.0.0.1 at the
// proxy reaches the proxy's loopback while the evidence lists the checked address. This connector
// sends `CONNECT <checked IP>:port`, then does TLS inside the tunnel itself with `servername` = the
// host and `rejectUnauthorized: true`, so the certificate check and the pin hold end to end and the
// certificate is evidence again. A proxy that refuses an IP CONNECT is reported as such
// (ProxyRefusedIp); only when the admin chose "let the proxy resolve the name" is the name sent
// instead, and the exchange is marked as resolved by the proxy (unverified).

export class ProxyRefusedIp extends Error {
  readonly code = 'BTS_PROXY_REFUSED_IP';
}

/** Any other failure of the proxy leg (its answer, its TLS, a broken head). */
export class ProxyFailure extends Error {
  readonly code = 'BTS_PROXY_FAILED';
}

export interface TunnelOptions {
  /** The proxy URL (validated by parseProxyEnv). */
  readonly proxy: string;
  /** The canonical host that was checked. */
  readonly host: string;
  /** The checked addresses; the tunnel goes to the first. */
  readonly addresses: readonly { readonly ip: string; readonly family: 4 | 6 }[];
  readonly ca?: string;
  readonly connectMs: number;
  /** The admin's explicit choice: when the proxy refuses the IP, send the name and let it resolve. */
  readonly proxyResolvesName: boolean;
  readonly onTls?: (evidence: TlsEvidence) => void;
  readonly onTlsVersion?: (version: string) => void;
  /** The CONNECT target the proxy accepted, and whether it was the name (resolved by the proxy). */
  readonly onTunnel?: (target: string, resolvedByProxy: boolean) => void;
  /**
   * The caller's cancel (or the exchange's deadline): the socket to the proxy (a CONNECT it has
   * not answered, a TLS handshake in the tunnel) is destroyed at once. undici hands a request's
   * signal to no connector, so without this a cancelled call left it open until the connect limit.
   */
  readonly signal?: AbortSignal;
}

/** Every socket one connect attempt opened: destroyed together when the attempt is abandoned. */
type Track = (socket: Socket) => void;

const MAX_HEAD = 16 * 1024;

const authority = (host: string, port: number): string => `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;

/** Opens a socket to the proxy (TLS to it for an https:// proxy, verified against the system roots). */
const openProxy = (proxy: URL, track: Track): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const host = proxy.hostname.replace(/^\[|\]$/gu, '');
    const https = proxy.protocol === 'https:';
    const port = Number(proxy.port || (https ? 443 : 80));
    const socket: Socket = https
      ? tlsConnect({ host, port, rejectUnauthorized: true, ...(isIP(host) === 0 ? { servername: host } : {}) })
      : tcpConnect({ host, port });
    track(socket);
    socket.once(https ? 'secureConnect' : 'connect', () => resolve(socket));
    socket.once('error', reject);
    socket.once('close', () => reject(new ProxyFailure('the connection to the proxy closed before it was open')));
  });

/** Sends CONNECT `target` and reads the proxy's answer head: its status code. */
const connectThrough = (socket: Socket, proxy: URL, target: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const auth =
      proxy.username === '' && proxy.password === ''
        ? ''
        : `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n`;
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > MAX_HEAD) fail(new ProxyFailure('the proxy answered CONNECT with an oversized head'));
        return;
      }
      cleanup();
      // A proxy sends nothing after its head before the client speaks; anything more is refused.
      if (end + 4 !== head.length) {
        reject(new ProxyFailure('the proxy sent data before the tunnel was used'));
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})/u.exec(head.subarray(0, end).toString('latin1'));
      if (status === null) reject(new ProxyFailure('the proxy answered CONNECT with something that is not HTTP'));
      else resolve(Number(status[1]));
    };
    const onEnd = (): void => fail(new ProxyFailure('the proxy closed the connection during CONNECT'));
    // Destroyed (the attempt was abandoned): no 'end' or 'error' comes, only 'close'.
    const onClose = (): void => fail(new ProxyFailure('the connection to the proxy closed during CONNECT'));
    const fail = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const cleanup = (): void => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onClose);
      socket.off('error', fail);
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onClose);
    socket.once('error', fail);
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
  });

/** A tunnel to `target` through a fresh proxy connection, or the proxy's refusal status. */
const tunnel = async (proxy: URL, target: string, track: Track): Promise<{ ok: true; socket: Socket } | { ok: false; status: number }> => {
  const socket = await openProxy(proxy, track);
  try {
    const status = await connectThrough(socket, proxy, target);
    if (status >= 200 && status < 300) return { ok: true, socket };
    socket.destroy();
    return { ok: false, status };
  } catch (e) {
    socket.destroy();
    throw e;
  }
};

const startTls = (socket: Socket, o: TunnelOptions, track: Track): Promise<TLSSocket> =>
  new Promise((resolve, reject) => {
    const tls = tlsConnect({
      socket,
      // SNI and the certificate check use the host name, never the address the tunnel went to.
      ...(isIP(o.host) === 0 ? { servername: o.host } : {}),
      host: o.host,
      // Explicit: left unset, an inherited NODE_TLS_REJECT_UNAUTHORIZED=0 would turn verification off.
      rejectUnauthorized: true,
      ALPNProtocols: ['http/1.1'],
      ...(o.ca === undefined ? {} : { secureContext: trustContextFor(o.ca) }),
    });
    track(tls);
    tls.once('secureConnect', () => resolve(tls));
    tls.once('close', () => reject(new ProxyFailure('the tunnel closed during the TLS handshake')));
    tls.once('error', (e) => {
      tls.destroy();
      reject(e);
    });
  });

/** The undici connector for one customer host through the proxy (see the header). */
export const proxyTunnelConnector = (o: TunnelOptions): buildConnector.connector => {
  const proxy = new URL(o.proxy);
  return (options, callback) => {
    let settled = false;
    const sockets = new Set<Socket>();
    const track: Track = (socket) => sockets.add(socket);
    const done = (err: Error | null, socket: Socket | null): void => {
      if (settled) {
        socket?.destroy();
        return;
      }
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      if (err !== null) {
        // Abandoned (cancel, the limit, a failure): the proxy sees its connection closed now.
        for (const s of sockets) s.destroy();
        callback(err, null);
      } else if (socket !== null) callback(null, socket);
    };
    const onAbort = (): void => done(new errors.RequestAbortedError('The connection was abandoned: the call was cancelled or ran out of time.'), null);
    const timer = setTimeout(() => done(new errors.ConnectTimeoutError(`Connect Timeout Error (proxy tunnel, timeout: ${o.connectMs}ms)`), null), o.connectMs);
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const port = Number(options.port || 443);
    const asked = options.hostname.replace(/^\[|\]$/gu, '').replace(/\.$/u, '').toLowerCase();
    const first = o.addresses[0];
    void (async () => {
      if (asked !== o.host || first === undefined) throw new ProxyFailure(`a tunnel for ${options.hostname} refused: only ${o.host} was checked`);
      const byIp = authority(first.ip, port);
      if (o.signal?.aborted === true) throw new errors.RequestAbortedError('The call was cancelled before the tunnel opened.');
      let opened = await tunnel(proxy, byIp, track);
      let resolvedByProxy = false;
      if (!opened.ok) {
        if (!o.proxyResolvesName) {
          throw new ProxyRefusedIp(`the proxy refused CONNECT ${byIp} (HTTP ${opened.status}): it will not connect to the checked address, only to a name it resolves itself`);
        }
        const byName = authority(o.host, port);
        opened = await tunnel(proxy, byName, track);
        if (!opened.ok) throw new ProxyFailure(`the proxy refused CONNECT ${byIp} and CONNECT ${byName} (HTTP ${opened.status})`);
        resolvedByProxy = true;
      }
      o.onTunnel?.(resolvedByProxy ? authority(o.host, port) : byIp, resolvedByProxy);
      const tls = await startTls(opened.socket, o, track);
      const ev = tlsEvidenceOf(tls);
      if (ev !== undefined) o.onTls?.(ev);
      const version = tls.getProtocol();
      if (version !== null) o.onTlsVersion?.(version);
      return tls;
    })().then(
      (tls) => done(null, tls),
      (e: unknown) => done(e instanceof Error ? e : new ProxyFailure(String(e)), null),
    );
  };
};
