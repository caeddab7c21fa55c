import { Agent, request } from 'undici';
import { ok } from '../../shared/contract/define';
import type { ProviderDeps } from '../../main/services/providers/provider-deps';
import { createFixedOriginHttpClient } from '../../main/services/providers/common/fixed-origin-client';
import type { CloudSim } from '../simulators/bitbucket-cloud-sim';
import type { RunningSim } from '../simulators/https-sim';

// ProviderDeps wired to the simulators. The Data Center / Jira "guarded" client here is the
// fixed-origin client bound to the simulators' loopback origins: the real URL-safety client
// refuses loopback by design, and its own tests cover it.

/** A fake system browser: it follows the authorize redirect back to the loopback listener. */
export const fakeBrowser = (caCert: string) => {
  const agent = new Agent({ connect: { ca: caCert } });
  return {
    open: async (url: string): Promise<void> => {
      const auth = await request(url, { dispatcher: agent });
      await auth.body.text();
      const location = auth.headers.location;
      if (typeof location !== 'string') throw new Error(`authorize answered ${auth.statusCode}`);
      const back = await request(location);
      await back.body.text();
    },
    close: () => agent.close(),
  };
};

export const simProviders = (cloud: CloudSim, others: readonly RunningSim[], over: Partial<ProviderDeps> = {}): ProviderDeps => {
  const guarded = createFixedOriginHttpClient({ origins: others.map((s) => s.origin), ca: cloud.caCert });
  return {
    cloudHttp: createFixedOriginHttpClient({ origins: [cloud.origin], ca: cloud.caCert }),
    guardedHttp: async () => ok(guarded),
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
