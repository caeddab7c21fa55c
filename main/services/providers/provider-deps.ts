import type { Clock } from '../clock/clock';
import type { HttpClient } from '../net/http-client';
import type { Network } from '../net/network';
import type { SecretStore } from '../secrets/secret-store';
import type { Sleep } from '../net/retry-after';
import type { OAuthEndpoints } from './oauth/oauth-flow';

/**
 * What the provider checks need from a composition root. Production: `cloudHttp` is a
 * fixed-origin client for api.bitbucket.org + bitbucket.org (through the network's proxy env);
 * `openExternal` is Electron's shell.openExternal (desktop) or the `open` command (browser mode,
 * CLI). Data Center and Jira calls need no client here: they go through the URL-safety client
 * the network-check service builds from the root's one network (main/services/network-check/network-check.ts).
 */
export interface ProviderDeps {
  readonly cloudHttp: HttpClient;
  readonly sleep: Sleep;
  readonly openExternal: (url: string) => Promise<void>;
  /** Test overrides; production leaves them unset. */
  readonly cloudApiRoot?: string;
  readonly oauthEndpoints?: OAuthEndpoints;
  readonly jiraGateway?: string;
  readonly oauthTimeoutMs?: number;
  readonly maxRetryWaitMs?: number;
}

/** Everything a check run touches: the providers, the root's one network, the keychain and the clock. */
export interface CheckRunDeps extends ProviderDeps {
  readonly network: Network;
  readonly secrets: SecretStore;
  readonly clock: Clock;
}
