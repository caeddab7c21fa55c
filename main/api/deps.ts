import type { AppInfo } from '../../shared/contract/app';
import type { KeyringKind } from '../../shared/contract/health';
import type { Clock } from '../services/clock/clock';
import type { Logger } from '../services/logging/logger';
import type { Network } from '../services/net/network';
import type { ProviderDeps } from '../services/providers/provider-deps';
import type { SecretStore } from '../services/secrets/secret-store';
import type { SettingsStore } from '../services/settings/settings-store';

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
  /**
   * The one network dependency (resolver, proxy env, limits, address judge, CA loader): the
   * URL-safety methods and the Data Center / Jira provider calls both use this value.
   */
  readonly network: Network;
  /** Provider clients (Bitbucket Cloud, OAuth) and their test overrides. */
  readonly providers: ProviderDeps;
  /** Where `secrets` keeps them: unset = the OS keychain; `private_session` = a throw-away keyring of this run (serve --private-keyring). */
  readonly keyring?: KeyringKind;
  /** The redacting app log; unset = nothing is logged. Only facts go in (ids, fingerprints, verdicts), never a secret. */
  readonly logger?: Logger;
}
