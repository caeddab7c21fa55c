import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { productName, version } from '../../package.json';
import type { AppInfo } from '../../shared/contract/app';
import type { KeyringKind } from '../../shared/contract/health';
import type { ApiDeps } from '../api/deps';
import { openInBrowser } from './open-browser';
import { systemClock } from '../services/clock/clock';
import { createFileLogger } from '../services/logging/logger';
import { createNetwork, type NetworkOverrides } from '../services/net/network';
import type { ProxyEnv } from '../services/net/proxy-env';
import { isOAuthConsentPage } from '../services/providers/oauth/consent-page';
import { createNodeProviderDeps } from '../services/providers/node-provider-deps';
import { createKeytarStore } from '../services/secrets/keytar-store';
import { SECRET_SERVICE_NAME } from '../services/secrets/secret-store';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';
import { warnIfTlsOverrideSet } from './tls-override-warning';

export interface NodeDepsOptions {
  /** Folder of settings.json (see defaultDataDir). */
  readonly dataDir: string;
  readonly mode: Exclude<AppInfo['mode'], 'desktop'>;
  /** Keychain service name; tests pass their own so they never touch a real user's entries. */
  readonly secretService?: string;
  /** HTTPS_PROXY / NO_PROXY for the URL checks and every provider call; defaults to this process's environment. */
  readonly env?: ProxyEnv;
  /** A line for the person at the terminal (the CLI's stderr), e.g. the TLS override warning. */
  readonly note?: (line: string) => void;
  /**
   * Parts of the one network to replace (default: none, the production network over `env`). Tests
   * that must reach loopback servers hand in their own resolver / address judge / CA loader here,
   * at the root, and nowhere else.
   */
  readonly network?: NetworkOverrides;
  /** Where the keychain is: the OS's (default), or this run's private keyring (see private-keyring.ts). */
  readonly keyring?: KeyringKind;
}

export const appInfoFor = (mode: AppInfo['mode']): AppInfo => ({
  name: productName,
  version,
  mode,
  runtime: { node: process.versions.node },
});

const openConsentPage = async (url: string): Promise<void> => {
  if (!isOAuthConsentPage(url)) throw new Error('Only the Bitbucket OAuth consent page may be opened.');
  const opened = await openInBrowser(url);
  if (!opened.ok) throw new Error(`The system browser could not be opened: ${opened.reason}`);
};

/**
 * The plain-Node composition root, shared by the CLI, browser mode and tests: conf settings in
 * `dataDir`, the OS keychain through keytar, the system clock, random UUIDs, one network (system
 * resolver, this process's proxy env) for the URL checks and the provider clients alike, and a
 * redacting log in `dataDir/logs`.
 * Nothing here touches the disk, the network or the keychain until a method asks.
 */
export const createNodeDeps = ({ dataDir, mode, secretService = SECRET_SERVICE_NAME, env = process.env, note, network: over, keyring }: NodeDepsOptions): ApiDeps => {
  const logger = createFileLogger({ file: join(dataDir, 'logs', 'app.log') });
  warnIfTlsOverrideSet(env, { logger, ...(note === undefined ? {} : { note }) });
  const network = createNetwork(env, over);
  return {
    appInfo: appInfoFor(mode),
    clock: systemClock,
    settings: createConfSettingsStore({ dir: dataDir }),
    secrets: createKeytarStore(secretService),
    newId: randomUUID,
    network,
    providers: createNodeProviderDeps({ openExternal: openConsentPage, network }),
    logger,
    ...(keyring === undefined ? {} : { keyring }),
  };
};
