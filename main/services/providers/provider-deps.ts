import type { Result } from '../../../shared/contract/define';
import type { TargetConfig } from '../../../shared/domain/target';
import type { Clock } from '../clock/clock';
import type { HttpClient } from '../net/http-client';
import type { SecretStore } from '../secrets/secret-store';
import type { Sleep } from './common/retry-after';
import type { OAuthEndpoints } from './oauth/oauth-flow';

/**
 * What the provider checks need from a composition root. Production: `cloudHttp` is a
 * fixed-origin client for api.bitbucket.org + bitbucket.org; `guardedHttp` builds the URL-safety
 * client (main/services/net/safe-http-client.ts) with the target's policy; `openExternal` is
 * Electron's shell.openExternal (desktop) or the `open` command (browser mode, CLI).
 */
export interface ProviderDeps {
  readonly cloudHttp: HttpClient;
  /**
   * The URL-safety client for a customer host: the Data Center base URL or the Jira site. Fails
   * (CA_FILE_INVALID) when the target's corporate CA cannot be loaded.
   */
  readonly guardedHttp: (target: TargetConfig, purpose: 'data_center' | 'jira') => Promise<Result<HttpClient>>;
  readonly sleep: Sleep;
  readonly openExternal: (url: string) => Promise<void>;
  /** Test overrides; production leaves them unset. */
  readonly cloudApiRoot?: string;
  readonly oauthEndpoints?: OAuthEndpoints;
  readonly jiraGateway?: string;
  readonly oauthTimeoutMs?: number;
  readonly oauthPort?: number;
  readonly maxRetryWaitMs?: number;
}

/** Everything a check run touches. */
export interface CheckRunDeps extends ProviderDeps {
  readonly secrets: SecretStore;
  readonly clock: Clock;
}
