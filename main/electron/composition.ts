import { randomUUID } from 'node:crypto';
import type { ApiDeps } from '../api/deps';
import { appInfoFor } from '../composition/node-deps';
import { systemClock } from '../services/clock/clock';
import type { Logger } from '../services/logging/logger';
import { createNetwork, type NetworkOverrides } from '../services/net/network';
import { createNodeProviderDeps } from '../services/providers/node-provider-deps';
import { isOAuthConsentPage } from '../services/providers/oauth/consent-page';
import { createKeytarStore } from '../services/secrets/keytar-store';
import type { SecretStore } from '../services/secrets/secret-store';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';
import { createExternalOpener, type ShellLike } from './open-external';

/** What the desktop shell knows about itself when it builds the services. */
export interface DesktopFacts {
  /** Folder of settings.json: the same one the CLI and browser mode use (defaultDataDir). */
  readonly dataDir: string;
  readonly versions: { readonly electron: string; readonly chrome: string };
  /** Electron's shell; OAuth consent pages open through the allowlisted opener only. */
  readonly shell: ShellLike;
  readonly logger: Logger;
  /** HTTPS_PROXY / NO_PROXY for the URL checks and every provider call. */
  readonly env: NodeJS.ProcessEnv;
  /** Parts of the network to replace; the app passes none (tests: a loopback resolver and judge). */
  readonly network?: NetworkOverrides;
  /** The keychain; the app passes none and gets the OS keychain through keytar (tests: a memory store). */
  readonly secrets?: SecretStore;
}

/** What a test may hand the desktop entry (`startDesktop`); `main/index.ts` hands nothing. */
export type DesktopSeams = Pick<DesktopFacts, 'network' | 'secrets'>;

/**
 * The desktop composition root: the one conf settings store (the same file as the CLI), the OS
 * keychain through keytar for secrets, one network for the URL checks and the production provider
 * clients, and the redacting file log. Built once; every window and menu action then goes through
 * the contract.
 */
export const createDesktopDeps = (facts: DesktopFacts): ApiDeps => {
  const info = appInfoFor('desktop');
  const openConsentPage = createExternalOpener(facts.shell, isOAuthConsentPage);
  // One network for the wizard's URL check and every provider call: the same resolver, proxy env,
  // limits, judge and CA loader (the URL check used to run with an empty env here).
  const network = createNetwork(facts.env, facts.network);
  return {
    appInfo: { ...info, runtime: { ...info.runtime, electron: facts.versions.electron, chrome: facts.versions.chrome } },
    clock: systemClock,
    settings: createConfSettingsStore({ dir: facts.dataDir }),
    secrets: facts.secrets ?? createKeytarStore(),
    newId: randomUUID,
    network,
    providers: createNodeProviderDeps({
      openExternal: async (url) => {
        if (!(await openConsentPage(url))) throw new Error('Only the Bitbucket OAuth consent page may be opened.');
      },
      network,
    }),
    logger: facts.logger,
  };
};
