import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, type Api } from '../../../main/api';
import { appInfoFor } from '../../../main/composition/node-deps';
import { APP_ORIGIN } from '../../../main/electron/app-origin';
import { createAppProtocolHandler } from '../../../main/electron/app-protocol';
import { fixedClock } from '../../../main/services/clock/clock';
import { createConfSettingsStore } from '../../../main/services/settings/conf-settings-store';
import { memorySecretStore } from '../../support/memory-secret-store';
import { createFixedOriginHttpClient } from '../../../main/services/providers/common/fixed-origin-client';
import { testNetwork } from '../../support/url-safety/test-network';

export interface AppProtocolServer {
  /** http://127.0.0.1:PORT, standing in for app://bundle. */
  readonly origin: string;
  readonly api: Api;
  readonly close: () => Promise<void>;
}

/**
 * The desktop shell's page delivery without Electron: every GET is translated to the app://bundle
 * URL it stands for and answered by the real protocol handler (same files, same CSP header).
 * The api behind it is the real one over a temp settings dir and an in-memory keychain.
 */
export const startAppProtocolServer = async (rendererRoot: string): Promise<AppProtocolServer> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'bts-shell-e2e-'));
  const api = createApi({
    appInfo: appInfoFor('desktop'),
    clock: fixedClock('2026-11-29T08:00:00.000Z'),
    settings: createConfSettingsStore({ dir: dataDir }),
    secrets: memorySecretStore().store,
    newId: () => crypto.randomUUID(),
    // Nothing on these pages calls out: a network that knows no name and providers that reach no origin.
    network: testNetwork(),
    providers: { cloudHttp: createFixedOriginHttpClient({ origins: [] }), sleep: async () => undefined, openExternal: async () => undefined },
  });
  const handle = createAppProtocolHandler(rendererRoot);
  const server: Server = createServer((req, res) => {
    const url = `${APP_ORIGIN}${req.url ?? '/'}`;
    handle(new Request(url, { method: req.method ?? 'GET' }))
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => {
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    api,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
