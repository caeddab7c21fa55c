import { Agent, request } from 'undici';
import type { Network } from '../../main/services/net/network';
import { checkDataCenterTarget } from '../../main/services/network-check/network-check';
import type { TargetNetworkChecks } from '../../main/services/network-check/to-checks';
import type { ProviderDeps } from '../../main/services/providers/provider-deps';
import { createFixedOriginHttpClient } from '../../main/services/providers/common/fixed-origin-client';
import type { CloudSim } from '../simulators/bitbucket-cloud-sim';
import type { RunningSim } from '../simulators/https-sim';
import { dataCenterTarget } from './domain-builders';
import { LOOPBACK, testNetwork } from './url-safety/test-network';

// ProviderDeps and the network wired to the simulators. Bitbucket Cloud goes through the
// fixed-origin client bound to the simulator's origin; Data Center and Jira go through the real
// URL-safety client, with a network whose address judge also permits loopback (where the
// simulators listen) and whose CA loader trusts the simulators' CA when a target names none.

/**
 * A fake system browser: it follows the authorize redirect back to the loopback listener, as a
 * browser would. A page that does not redirect (Bitbucket's "Invalid redirect_uri") is shown and
 * kept in `pages`; the browser then stays there, as a user would, and the sign-in times out.
 */
export const fakeBrowser = (caCert: string) => {
  const agent = new Agent({ connect: { ca: caCert } });
  const pages: Array<{ status: number; text: string }> = [];
  return {
    pages,
    open: async (url: string): Promise<void> => {
      const auth = await request(url, { dispatcher: agent });
      const text = await auth.body.text();
      const location = auth.headers.location;
      if (typeof location !== 'string') {
        pages.push({ status: auth.statusCode, text });
        return;
      }
      const back = await request(location);
      pages.push({ status: back.statusCode, text: await back.body.text() });
    },
    close: () => agent.close(),
  };
};

/** The network of a composition root whose providers are the simulators. */
export const simNetwork = (caCert: string, over: Partial<Network> = {}): Network => ({ ...testNetwork({ permit: LOOPBACK, fallbackCa: caCert }), ...over });

/** The network check of a Data Center target on `sim` (its base URL, an approved tunnel), as "Test connection" runs it. */
export const simInstanceCheck = async (sim: RunningSim & { baseUrl: string }, at: string): Promise<TargetNetworkChecks> => {
  const r = await checkDataCenterTarget(simNetwork(sim.caCert), { ...dataCenterTarget({ allowlist_status: 'approved_tunnel' }), base_url: sim.baseUrl }, at);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

export const simProviders = (cloud: CloudSim, others: readonly RunningSim[], over: Partial<ProviderDeps> = {}): ProviderDeps => {
  return {
    cloudHttp: createFixedOriginHttpClient({ origins: [cloud.origin], ca: cloud.caCert }),
    sleep: async () => undefined,
    openExternal: fakeBrowser(cloud.caCert).open,
    cloudApiRoot: cloud.apiRoot,
    oauthEndpoints: { authorizeUrl: `${cloud.origin}/site/oauth2/authorize`, tokenUrl: `${cloud.origin}/site/oauth2/access_token` },
    jiraGateway: others[others.length - 1]?.origin ?? cloud.origin,
    oauthTimeoutMs: 10_000,
    maxRetryWaitMs: 1_000,
    ...over,
  };
};
