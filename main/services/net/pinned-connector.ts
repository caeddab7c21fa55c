import type { LookupAddress } from 'node:dns';
import { Socket, type LookupFunction } from 'node:net';
import { TLSSocket } from 'node:tls';
import { buildConnector, errors } from 'undici';
import type { TlsEvidence } from '../../../shared/domain/checks';
import { classifyIp } from '../url-safety/classify-ip';
import { tlsEvidenceOf } from './tls-evidence';
import { trustContextFor } from './trust-context';

// Stage 5: the connection goes to the exact addresses that were checked. `lookup` answers only
// for the checked host and only with the checked addresses (an array: Node asks with `all: true`);
// after connect, `socket.remoteAddress` must be one of them, or the socket is destroyed.

export class PinViolation extends Error {
  readonly code = 'BTS_PIN_VIOLATION';
}

export interface PinnedConnectorOptions {
  /** The canonical host that was checked (no brackets, no trailing dot). */
  readonly host: string;
  readonly addresses: readonly { readonly ip: string; readonly family: 4 | 6 }[];
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  readonly ca?: string;
  readonly connectMs: number;
  readonly onTls?: (evidence: TlsEvidence) => void;
  /** The checked address connected to, and the source address this machine used (`socket.localAddress`). */
  readonly onConnected?: (remoteAddress: string, localAddress: string | undefined) => void;
  /** The negotiated TLS version (`TLSv1.3`, …), for the network team's change request. */
  readonly onTlsVersion?: (version: string) => void;
  /** The TCP connection stands (the TLS handshake starts now). */
  readonly onTcpConnected?: () => void;
  /** The caller's cancel (or the exchange's deadline): the connecting socket is destroyed at once. */
  readonly signal?: AbortSignal;
}

const canonical = (ip: string): string => classifyIp(ip).ip;

export const pinnedLookup = (host: string, addresses: PinnedConnectorOptions['addresses']): LookupFunction => {
  const list: LookupAddress[] = addresses.map((a) => ({ address: a.ip, family: a.family }));
  return (hostname, options, callback) => {
    const asked = hostname.replace(/^\[|\]$/gu, '').replace(/\.$/u, '').toLowerCase();
    const first = list[0];
    if (asked !== host || first === undefined) {
      callback(new PinViolation(`lookup for ${hostname} refused: only ${host} was checked`), '', 4);
      return;
    }
    if (options.all === true) callback(null, list as unknown as string, 0);
    else callback(null, first.address, first.family);
  };
};

export const pinnedConnector = (o: PinnedConnectorOptions): buildConnector.connector => {
  const allowed = new Set(o.addresses.map((a) => canonical(a.ip)));
  const base = buildConnector({
    timeout: o.connectMs,
    // Explicit: left unset, an inherited NODE_TLS_REJECT_UNAUTHORIZED=0 would turn verification off.
    rejectUnauthorized: true,
    lookup: pinnedLookup(o.host, o.addresses),
    ...(o.ca === undefined ? {} : { secureContext: trustContextFor(o.ca) }),
  });
  return (options, callback) => {
    // undici runs its connect timer on a ~1 s clock (fast timers), so a 300 ms limit fired after
    // about a second. A native timer answers at the configured limit; the abandoned attempt is
    // destroyed when it settles (or by undici's own timer).
    let settled = false;
    let connecting: Socket | null = null;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A server that accepted and then went silent (during TLS or before) gets its connection closed now.
      connecting?.destroy();
      callback(new errors.RequestAbortedError('The connection was abandoned: the call was cancelled or ran out of time.'), null);
    };
    const timer = setTimeout(() => {
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      const where = `${options.hostname}:${options.port || '443'}`;
      callback(new errors.ConnectTimeoutError(`Connect Timeout Error (attempted address: ${where}, timeout: ${o.connectMs}ms)`), null);
    }, o.connectMs);
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const connected = (err: Error | null, socket: Socket | null): void => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      if (settled) {
        socket?.destroy();
        return;
      }
      settled = true;
      if (err !== null || socket === null) {
        callback(err ?? new Error('the connector answered no socket'), null);
        return;
      }
      const remote = socket.remoteAddress;
      if (remote === undefined || !allowed.has(canonical(remote))) {
        socket.destroy();
        callback(new PinViolation(`connected to ${remote ?? 'an unknown address'}, which was not checked`), null);
        return;
      }
      o.onConnected?.(remote, socket.localAddress);
      if (socket instanceof TLSSocket) {
        const ev = tlsEvidenceOf(socket);
        if (ev !== undefined) o.onTls?.(ev);
        const version = socket.getProtocol();
        if (version !== null) o.onTlsVersion?.(version);
      }
      callback(null, socket);
    };
    // undici's connector answers the socket it opened (its type says void): kept to see the TCP
    // connection stand, and to close it on cancel. Without it the stages are only less detailed.
    const opened: unknown = Reflect.apply(base, undefined, [options, connected]);
    if (opened instanceof Socket) {
      connecting = opened;
      opened.once('connect', () => o.onTcpConnected?.());
    }
    if (o.signal?.aborted === true) onAbort();
  };
};
