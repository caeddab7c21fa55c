import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A loopback port the OS reports free right now (for a callback URL a test registers, then listens on). */
export const freeLoopbackPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
