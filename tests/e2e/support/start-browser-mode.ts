import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../../main/api';
import { createNodeDeps } from '../../../main/composition/node-deps';
import { startBrowserServer, type BrowserServer } from '../../../main/server/browser-server';
import { startCloudSim } from '../../simulators/bitbucket-cloud-sim';
import { startDataCenterSim } from '../../simulators/data-center-sim';
import { startJiraSim } from '../../simulators/jira-sim';
import { simNetwork, simProviders } from '../../support/sim-providers';

export interface SimulatorUrls {
  readonly dataCenter: string;
  readonly jiraSite: string;
  /** PEM file of the simulators' throw-away CA, for the Target step's corporate CA field. */
  readonly caFile: string;
}

export interface BrowserMode {
  readonly server: BrowserServer;
  readonly dataDir: string;
  readonly secretService: string;
  /** Present when started with simulators: where the local Bitbucket and Jira fakes answer. */
  readonly sims: SimulatorUrls | null;
  readonly close: () => Promise<void>;
}

/**
 * Browser mode in-process over the plain-Node composition root (conf settings in a throw-away
 * data dir, the real keychain under a unique service name). With `simulators`, provider calls go
 * to the local Bitbucket Cloud, Data Center and Jira simulators on loopback.
 */
export const startBrowserMode = async (staticDir: string, options: { simulators?: boolean } = {}): Promise<BrowserMode> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'bts-e2e-'));
  const secretService = `bts-e2e-${randomUUID()}`;
  const deps = createNodeDeps({ dataDir, mode: 'test', secretService });
  let sims: SimulatorUrls | null = null;
  let closeSims = async (): Promise<void> => undefined;
  let api = createApi(deps);
  if (options.simulators === true) {
    const [cloud, dc, jira] = await Promise.all([startCloudSim(), startDataCenterSim(), startJiraSim()]);
    // The simulators listen on loopback, which the production judge always blocks: this root's
    // network judges loopback as permitted (and trusts the simulators' CA when a target names
    // none). Wizard checks and "Test connection" then take the real URL-safety path to them.
    // Their addresses are literal IPs: no DNS query leaves.
    const { judge, caOf } = simNetwork(dc.caCert);
    api = createApi({ ...createNodeDeps({ dataDir, mode: 'test', secretService, network: { judge, caOf } }), providers: simProviders(cloud, [dc, jira]) });
    const caFile = join(dataDir, 'simulator-ca.pem');
    await writeFile(caFile, dc.caCert);
    sims = { dataCenter: dc.baseUrl, jiraSite: jira.siteUrl, caFile };
    closeSims = async () => {
      await Promise.all([cloud.close(), dc.close(), jira.close()]);
    };
  }
  const server = await startBrowserServer({ api, staticDir, port: 0 });
  return {
    server,
    dataDir,
    secretService,
    sims,
    close: async () => {
      await server.close();
      await closeSims();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
