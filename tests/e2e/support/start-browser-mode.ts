import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../../main/api';
import { createNodeDeps } from '../../../main/composition/node-deps';
import { startBrowserServer, type BrowserServer } from '../../../main/server/browser-server';

export interface BrowserMode {
  readonly server: BrowserServer;
  readonly dataDir: string;
  readonly secretService: string;
  readonly close: () => Promise<void>;
}

/** Browser mode in-process: real handlers and services, a throw-away data dir and keychain service. */
export const startBrowserMode = async (staticDir: string): Promise<BrowserMode> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'bts-e2e-'));
  const secretService = `bts-e2e-${randomUUID()}`;
  const api = createApi(createNodeDeps({ dataDir, mode: 'test', secretService }));
  const server = await startBrowserServer({ api, staticDir, port: 0 });
  return {
    server,
    dataDir,
    secretService,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
