import { randomUUID } from 'node:crypto';
import { productName, version } from '../../package.json';
import type { AppInfo } from '../../shared/contract/app';
import type { ApiDeps } from '../api/deps';
import { systemClock } from '../services/clock/clock';
import { createKeytarStore } from '../services/secrets/keytar-store';
import { SECRET_SERVICE_NAME } from '../services/secrets/secret-store';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';

export interface NodeDepsOptions {
  /** Folder of settings.json (see defaultDataDir). */
  readonly dataDir: string;
  readonly mode: Exclude<AppInfo['mode'], 'desktop'>;
  /** Keychain service name; tests pass their own so they never touch a real user's entries. */
  readonly secretService?: string;
}

export const appInfoFor = (mode: AppInfo['mode']): AppInfo => ({
  name: productName,
  version,
  mode,
  runtime: { node: process.versions.node },
});

/**
 * The plain-Node composition root, shared by the CLI, browser mode and tests: conf settings in
 * `dataDir`, the OS keychain through keytar, the system clock, random UUIDs. Nothing here touches
 * the disk or the keychain until a method asks.
 */
export const createNodeDeps = ({ dataDir, mode, secretService = SECRET_SERVICE_NAME }: NodeDepsOptions): ApiDeps => ({
  appInfo: appInfoFor(mode),
  clock: systemClock,
  settings: createConfSettingsStore({ dir: dataDir }),
  secrets: createKeytarStore(secretService),
  newId: randomUUID,
});
