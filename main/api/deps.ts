import type { AppInfo } from '../../shared/contract/app';
import type { Clock } from '../services/clock/clock';
import type { Logger } from '../services/logging/logger';
import type { ProviderDeps } from '../services/providers/provider-deps';
import type { SecretStore } from '../services/secrets/secret-store';
import type { SettingsStore } from '../services/settings/settings-store';
import type { UrlSafetyDeps } from '../services/url-safety/url-safety-deps';

/**
 * What the handlers need, built once by each composition root (desktop, browser mode, CLI,
 * tests) and passed in. Later capabilities add their services here.
 */
export interface ApiDeps {
  readonly appInfo: AppInfo;
  readonly clock: Clock;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly newId: () => string;
  /** Provider clients (Bitbucket Cloud, Data Center, Jira, OAuth); unset where a mode cannot reach providers. */
  readonly providers?: ProviderDeps;
  /** DNS resolver, proxy env and limits of the URL-safety engine; unset = system resolver, no proxy, default limits. */
  readonly urlSafety?: UrlSafetyDeps;
  /** The redacting app log; unset = nothing is logged. Only facts go in (ids, fingerprints, verdicts), never a secret. */
  readonly logger?: Logger;
}
