import { randomUUID } from 'node:crypto';
import type { ApiDeps } from '../api/deps';
import { appInfoFor } from '../composition/node-deps';
import { systemClock } from '../services/clock/clock';
import { createKeytarStore } from '../services/secrets/keytar-store';
import { createElectronSettingsStore } from './settings-electron-store';

/** What the desktop shell knows about itself when it builds the services. */
export interface DesktopFacts {
  /** Folder of settings.json: the same one the CLI and browser mode use (defaultDataDir). */
  readonly dataDir: string;
  readonly versions: { readonly electron: string; readonly chrome: string };
}

/**
 * The desktop composition root: electron-store for settings (same zod schema and migrations as the
 * plain-Node conf store, same file as the CLI), the OS keychain through keytar for secrets. Built
 * once; every window and menu action then goes through the contract.
 */
export const createDesktopDeps = (facts: DesktopFacts): ApiDeps => {
  const info = appInfoFor('desktop');
  return {
    appInfo: { ...info, runtime: { ...info.runtime, electron: facts.versions.electron, chrome: facts.versions.chrome } },
    clock: systemClock,
    settings: createElectronSettingsStore({ dir: facts.dataDir }),
    secrets: createKeytarStore(),
    newId: randomUUID,
  };
};
