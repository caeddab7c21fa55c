import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../../main/api';
import { createNodeDeps } from '../../../main/composition/node-deps';
import { createFixedOriginHttpClient } from '../../../main/services/providers/common/fixed-origin-client';
import { createDnsResolver } from '../../../main/services/url-safety/resolver';
import { startBrowserServer } from '../../../main/server/browser-server';
import { startCloudSim } from '../../simulators/bitbucket-cloud-sim';
import { startDataCenterSim } from '../../simulators/data-center-sim';
import { startJiraSim } from '../../simulators/jira-sim';
import { freeLoopbackPort } from '../../support/free-port';
import { simNetwork, simProviders } from '../../support/sim-providers';
import { startDnsServer } from '../../support/url-safety/dns-server';
import type { BrowserMode, SimulatorUrls } from './start-browser-mode';

// Browser mode for error-messages.spec.ts: the simulators as usual, plus a DNS server of the
// test's own on loopback that is this root's resolver (so names resolve only there): one name it
// answers NXDOMAIN for, one it resolves to 127.0.0.1 where a port nothing listens on waits, and
// Bitbucket Cloud's own name, resolved to 127.0.0.1 too, on that closed port. No name and no
// connection leaves the machine.

export const NXDOMAIN_HOST = 'gone.example-corp.com';
export const REFUSING_HOST = 'closed.example-corp.com';
export const CLOUD_HOST = 'api.bitbucket.org';

export interface ErrorMessagesMode extends BrowserMode {
  readonly sims: SimulatorUrls;
  /** The loopback port nothing listens on. */
  readonly closedPort: number;
}

export const startErrorMessagesMode = async (staticDir: string): Promise<ErrorMessagesMode> => {
  const [cloud, dc, jira, closedPort] = await Promise.all([startCloudSim(), startDataCenterSim(), startJiraSim(), freeLoopbackPort()]);
  const dns = await startDnsServer((name, type) => (name === NXDOMAIN_HOST ? 'NXDOMAIN' : (name === REFUSING_HOST || name === CLOUD_HOST) && type === 'A' ? ['127.0.0.1'] : []));
  const resolver = createDnsResolver({ servers: [dns.server], timeoutMs: 1000, tries: 1 });
  const dataDir = await mkdtemp(join(tmpdir(), 'bts-e2e-errors-'));
  const secretService = `bts-e2e-${randomUUID()}`;
  const { judge, caOf } = simNetwork(dc.caCert);
  const cloudOrigin = `https://${CLOUD_HOST}:${closedPort}`;
  const providers = simProviders(cloud, [dc, jira], { cloudHttp: createFixedOriginHttpClient({ origins: [cloudOrigin], resolver }), cloudApiRoot: `${cloudOrigin}/2.0` });
  const api = createApi({ ...createNodeDeps({ dataDir, mode: 'test', secretService, network: { judge, caOf, resolver } }), providers });
  const caFile = join(dataDir, 'simulator-ca.pem');
  await writeFile(caFile, dc.caCert);
  const server = await startBrowserServer({ api, staticDir, port: 0 });
  return {
    server,
    dataDir,
    secretService,
    sims: { dataCenter: dc.baseUrl, jiraSite: jira.siteUrl, caFile },
    closedPort,
    close: async () => {
      await server.close();
      await Promise.all([cloud.close(), dc.close(), jira.close(), dns.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
