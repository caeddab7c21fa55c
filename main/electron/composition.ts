import { randomUUID } from 'node:crypto';
import type { ApiDeps } from '../api/deps';
import { systemClock } from '../services/clock/clock';
import { createKeytarStore } from '../services/secrets/keytar-store';
import { createElectronSettingsStore } from './settings-electron-store';

/** What the desktop shell knows about itself when it builds the services. */
export interface DesktopFacts {
  readonly name: string;
  readonly version: string;
  readonly userData: string;
  readonly versions: { readonly node: string; readonly electron: string; readonly chrome: string };
}

/**
 * The desktop composition root: electron-store for settings (same zod schema and migrations as the
 * plain-Node conf store), the OS keychain through keytar for secrets. Built once; every window
 * and menu action then goes through the contract.
 */
export const createDesktopDeps = (facts: DesktopFacts): ApiDeps => ({
  appInfo: {
    name: facts.name,
    version: facts.version,
    mode: 'desktop',
    runtime: { node: facts.versions.node, electron: facts.versions.electron, chrome: facts.versions.chrome },
  },
  clock: systemClock,
  settings: createElectronSettingsStore({ dir: facts.userData }),
  secrets: createKeytarStore(),
  newId: randomUUID,
});
