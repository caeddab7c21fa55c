import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

// A minimal HTTPS_PROXY (HTTP CONNECT) on 127.0.0.1 that tunnels every request to one loopback
// address, the way a corporate proxy would resolve and reach the host itself.

export interface RunningProxy {
  readonly url: string;
  /** The `host:port` of every CONNECT it was asked for. */
  readonly connects: string[];
  close(): Promise<void>;
}

export const startConnectProxy = async (tunnelTo: string): Promise<RunningProxy> => {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    const target = req.url ?? '';
    connects.push(target);
    const port = Number(target.slice(target.lastIndexOf(':') + 1));
    const upstream = connect(port, tunnelTo, () => {
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
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
