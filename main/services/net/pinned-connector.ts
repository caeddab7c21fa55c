import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import type { TlsEvidence } from '../../../shared/domain/checks';
import { classifyIp } from '../url-safety/classify-ip';
import { tlsEvidenceOf } from './tls-evidence';
import { trustContextFor } from './trust-context';
import { watchedConnector } from './watched-connector';

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
  // The native connect limit and the cancel (destroying the connecting socket) are watched-connector.ts's.
  return watchedConnector(base, {
    connectMs: o.connectMs,
    ...(o.signal === undefined ? {} : { signal: o.signal }),
    ...(o.onTcpConnected === undefined ? {} : { onTcpConnected: o.onTcpConnected }),
    accept: (socket) => {
      const remote = socket.remoteAddress;
      if (remote === undefined || !allowed.has(canonical(remote))) return new PinViolation(`connected to ${remote ?? 'an unknown address'}, which was not checked`);
      o.onConnected?.(remote, socket.localAddress);
      if (socket instanceof TLSSocket) {
        const ev = tlsEvidenceOf(socket);
        if (ev !== undefined) o.onTls?.(ev);
        const version = socket.getProtocol();
        if (version !== null) o.onTlsVersion?.(version);
      }
      return null;
    },
  });
};
