import { createServer } from 'node:http';
import { connect, isIP, type AddressInfo, type Socket } from 'node:net';

// A minimal HTTPS_PROXY (HTTP CONNECT) on 127.0.0.1, the way a corporate proxy works: a CONNECT to
// a name is resolved with the proxy's own DNS view (`names`; any other name goes to `tunnelTo`), a
// CONNECT to an address goes to that address. Only loopback addresses are ever connected to (any
// other is answered 403), so no test traffic leaves the machine. `refuseIpConnect` makes it a
// proxy that only tunnels to names (403 for an address), as some corporate proxies are set up;
// `refuseAllWith` one that tunnels nowhere.

export interface ConnectProxyOptions {
  /** The proxy's own DNS: name -> loopback address. */
  readonly names?: Readonly<Record<string, string>>;
  readonly refuseIpConnect?: boolean;
  /** A proxy whose policy allows no destination: every CONNECT is answered with this status (403, 502, …). */
  readonly refuseAllWith?: number;
}

export interface RunningProxy {
  readonly url: string;
  /** The `host:port` of every CONNECT it was asked for. */
  readonly connects: string[];
  /** The `address:port` it actually connected to for each tunnel it opened. */
  readonly reached: string[];
  close(): Promise<void>;
}

const isLoopback = (ip: string): boolean => (isIP(ip) === 4 ? ip.startsWith('127.') : ip === '::1');

export const startConnectProxy = async (tunnelTo: string, o: ConnectProxyOptions = {}): Promise<RunningProxy> => {
  const connects: string[] = [];
  const reached: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    const target = req.url ?? '';
    connects.push(target);
    const colon = target.lastIndexOf(':');
    const host = target.slice(0, colon).replace(/^\[|\]$/gu, '');
    const port = Number(target.slice(colon + 1));
    const literal = isIP(host) !== 0;
    const address = literal ? host : (o.names?.[host.toLowerCase()] ?? tunnelTo);
    if (o.refuseAllWith !== undefined) {
      client.end(`HTTP/1.1 ${o.refuseAllWith} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    if ((literal && o.refuseIpConnect === true) || !isLoopback(address)) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(port, address, () => {
      reached.push(`${address}:${port}`);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    reached,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
