import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import type { Leaf } from './pki';

// Real servers on loopback for the network tests. Each records what reached it.

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly remote: string | undefined;
}

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  readonly seen: SeenRequest[];
  /** TCP connections accepted (TLS or not). */
  connections: number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const track = (sockets: Set<Socket>, s: Socket): void => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
};

export const startHttps = async (leaf: Leaf, handler: Handler, host = '127.0.0.1', port = 0): Promise<RunningServer> => {
  const sockets = new Set<Socket>();
  const seen: SeenRequest[] = [];
  const server = createHttpsServer({ key: leaf.key, cert: leaf.cert }, (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, remote: req.socket.remoteAddress });
    handler(req, res);
  });
  const running: RunningServer = {
    host,
    port: 0,
    seen,
    connections: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', (s: Socket) => {
    running.connections += 1;
    track(sockets, s);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { ...running, port: (server.address() as AddressInfo).port, get connections() { return running.connections; } };
};

/** A plain TCP server on loopback that hands each accepted socket to `onSocket`. */
const startTcpServer = async (host: string, onSocket: (s: Socket) => void): Promise<RunningServer> => {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createTcpServer((s) => {
    connections += 1;
    track(sockets, s);
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    host,
    port: (server.address() as AddressInfo).port,
    seen: [],
    get connections() {
      return connections;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** A TCP server that resets every connection as soon as it is accepted. */
export const startResetServer = (host = '127.0.0.1'): Promise<RunningServer> => startTcpServer(host, (s) => s.resetAndDestroy());

/** A TCP server that accepts and then says nothing (a TLS handshake or an answer that never comes). */
export interface SilentServer extends RunningServer {
  /** Connections the server has seen end (the client closed them). */
  readonly ended: number;
  /** The first line each connection sent (a CONNECT request line, when the server stands in for a proxy). */
  readonly heard: readonly string[];
  /** Resolves when `count` connections have sent their first line. */
  heardAt(count: number): Promise<void>;
  /** Resolves when the server has seen `count` connections end. */
  endedAt(count: number): Promise<void>;
}

export const startSilentServer = async (host = '127.0.0.1'): Promise<SilentServer> => {
  let ended = 0;
  const heard: string[] = [];
  const listeners: Array<{ count: number; resolve: () => void }> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const running = await startTcpServer(host, (s) => {
    s.on('error', () => undefined);
    // Read and drop what the client sends (a ClientHello, a request): unread, a paused socket never sees the client's end.
    s.resume();
    s.once('data', (chunk: Buffer) => {
      heard.push(chunk.toString('latin1').split('\r\n')[0] ?? '');
      for (const w of listeners.filter((x) => heard.length >= x.count)) w.resolve();
    });
    s.on('close', () => {
      ended += 1;
      for (const w of waiters.filter((x) => ended >= x.count)) w.resolve();
    });
  });
  return {
    host: running.host,
    port: running.port,
    seen: running.seen,
    get connections() {
      return running.connections;
    },
    get ended() {
      return ended;
    },
    heard,
    heardAt: (count) => (heard.length >= count ? Promise.resolve() : new Promise((resolve) => listeners.push({ count, resolve }))),
    endedAt: (count) => (ended >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: running.close,
  };
};
