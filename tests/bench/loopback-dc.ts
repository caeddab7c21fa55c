import { Agent, request } from 'undici';
import type { SafeClientOptions } from '../../main/services/net/safe-http-client';
import type { Resolver } from '../../main/services/url-safety/resolver';
import { APP_PROPS, TEST_ADDR, startWorld, type TestWorld } from '../support/url-safety/fixture';
import { urlSafetyPki } from '../support/url-safety/pki';
import { startTlsServerWorker, type WorkerServer } from './tls-server-worker';

// A Data Center stand-in for the network figures: names under example-corp.com resolve through a
// UDP DNS server on loopback to 127.0.0.2, where an HTTPS server (worker thread, throw-away CA)
// answers application-properties. `rttMs` > 0 delays each DNS answer by one round trip and each
// HTTP answer by two (connect + TLS), standing in for a VPN; 0 is bare loopback.

export const API_PATH = '/rest/api/1.0/application-properties';

export interface LoopbackDc {
  readonly world: TestWorld;
  readonly server: WorkerServer;
  /** `https://NAME:PORT` for a name under example-corp.com. */
  baseUrl(name?: string): string;
  options(): SafeClientOptions;
  /** The floor: one bare undici GET to the same server (fresh connection, same CA, no checks). */
  bareRequest(): Promise<unknown>;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const delayed = (r: Resolver, ms: number): Resolver =>
  ms <= 0
    ? r
    : {
        resolve4: async (h) => (await sleep(ms), r.resolve4(h)),
        resolve6: async (h) => (await sleep(ms), r.resolve6(h)),
      };

export const startLoopbackDc = async (rttMs = 0): Promise<LoopbackDc> => {
  const world = await startWorld();
  const pki = await urlSafetyPki();
  const leaf = await pki.leaf(['dc.example-corp.com', '*.example-corp.com'], []);
  const server = await startTlsServerWorker({ key: leaf.key, cert: leaf.cert, host: TEST_ADDR, delayMs: 2 * rttMs, body: JSON.stringify(APP_PROPS) });
  const resolver = delayed(world.resolver, rttMs);
  return {
    world,
    server,
    baseUrl: (name = 'dc.example-corp.com') => `https://${name}:${server.port}`,
    options: () => ({ ...world.options({ ca: pki.caCert }), resolver }),
    bareRequest: async () => {
      const dispatcher = new Agent({ connect: { ca: pki.caCert, servername: 'dc.example-corp.com' } });
      try {
        const res = await request(`https://${TEST_ADDR}:${server.port}${API_PATH}`, { dispatcher });
        return JSON.parse(await res.body.text()) as unknown;
      } finally {
        await dispatcher.destroy();
      }
    },
    close: async () => {
      await server.close();
      await world.close();
    },
  };
};
