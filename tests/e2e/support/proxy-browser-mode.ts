import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../../main/api';
import { createNodeDeps } from '../../../main/composition/node-deps';
import { startBrowserServer } from '../../../main/server/browser-server';
import { startConnectProxy } from '../../support/url-safety/connect-proxy';
import { APP_PROPS, json, startWorld, TEST_ADDR, testJudge } from '../../support/url-safety/fixture';
import { urlSafetyPki } from '../../support/url-safety/pki';
import { startHttps } from '../../support/url-safety/servers';
import type { BrowserMode } from './start-browser-mode';

// Browser mode behind an HTTPS_PROXY that has its own DNS view and refuses to tunnel to an
// address (issue 12 §4): this machine's DNS (a real UDP server on loopback) says the host is
// 127.0.0.2, where the checked instance answers; the proxy says 127.0.0.3, where a decoy with a
// valid certificate for the same name answers, and it refuses `CONNECT 127.0.0.2:port`. The
// admin's only way on is the explicit "let the proxy resolve the name" choice.

export const PROXIED_HOST = 'bitbucket.example-corp.com';
const DECOY_ADDR = '127.0.0.3';

export interface ProxiedBrowserMode extends BrowserMode {
  readonly baseUrl: string;
  readonly caPem: string;
  /** Every CONNECT target the proxy was asked for, in order. */
  readonly connects: readonly string[];
  /** Saves a Data Center target through the same api the page uses; answers its id. */
  readonly saveTarget: (target: Record<string, unknown>) => Promise<string>;
}

export const startBrowserModeBehindProxy = async (staticDir: string): Promise<ProxiedBrowserMode> => {
  const world = await startWorld();
  const pki = await urlSafetyPki();
  const leaf = await pki.leaf([PROXIED_HOST], []);
  const checked = await startHttps(leaf, (_req, res) => json(res, 200, { ...APP_PROPS, displayName: 'checked instance' }), TEST_ADDR);
  const decoy = await startHttps(leaf, (_req, res) => json(res, 200, { ...APP_PROPS, displayName: 'decoy at the proxy' }), DECOY_ADDR, checked.port);
  const proxy = await startConnectProxy(TEST_ADDR, { names: { [PROXIED_HOST]: DECOY_ADDR }, refuseIpConnect: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'bts-e2e-proxy-'));
  const secretService = `bts-e2e-${randomUUID()}`;
  const deps = createNodeDeps({ dataDir, mode: 'test', secretService, env: { HTTPS_PROXY: proxy.url }, network: { resolver: world.resolver, judge: testJudge } });
  const api = createApi(deps);
  const server = await startBrowserServer({ api, staticDir, port: 0 });
  return {
    server,
    dataDir,
    secretService,
    sims: null,
    baseUrl: `https://${PROXIED_HOST}:${checked.port}/bb`,
    caPem: pki.caCert,
    connects: proxy.connects,
    saveTarget: async (target) => {
      const r = await api.call('targets.save', { target });
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return (r.value as { target: { id: string } }).target.id;
    },
    close: async () => {
      await server.close();
      await Promise.all([proxy.close(), checked.close(), decoy.close()]);
      await world.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
