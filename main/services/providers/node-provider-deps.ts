import type { Network } from '../net/network';
import { BITBUCKET_CLOUD_ORIGINS, createFixedOriginHttpClient } from './common/fixed-origin-client';
import { realSleep } from '../net/retry-after';
import type { ProviderDeps } from './provider-deps';

export interface NodeProviderOptions {
  /** Electron's shell.openExternal in the desktop app; the `open` helper in browser mode and the CLI. */
  readonly openExternal: (url: string) => Promise<void>;
  /** The root's one network: its proxy env is the one the URL-safety checks use too. */
  readonly network: Network;
}

/**
 * Production provider wiring: Bitbucket Cloud over a client bound to its fixed origins, through
 * the network's HTTPS_PROXY / NO_PROXY and resolver. Data Center and Jira calls use the same network through
 * the URL-safety client (DNS checked, pinned, redirects judged), built per target.
 */
export const createNodeProviderDeps = (o: NodeProviderOptions): ProviderDeps => ({
  cloudHttp: createFixedOriginHttpClient({ origins: BITBUCKET_CLOUD_ORIGINS, proxy: o.network.proxy, resolver: o.network.resolver }),
  sleep: realSleep,
  openExternal: o.openExternal,
});
