import { randomUUID } from 'node:crypto';
import { createApi, type ApiDeps } from '../../api';
import { ok } from '../../../shared/contract/define';
import type { AppInfo } from '../../../shared/contract/app';
import type { Clock } from '../../services/clock/clock';
import type { Network } from '../../services/net/network';
import type { ProviderDeps } from '../../services/providers/provider-deps';
import { createMemorySecretStore } from '../../services/secrets/memory-secret-store';
import { emptySettings, type SettingsData } from '../../services/settings/settings-data';
import type { SettingsStore } from '../../services/settings/settings-store';

// `check` runs headless and leaves nothing behind: the target and its credentials live in memory
// for the run, behind the same contract methods the app uses (targets.save, credentials.store,
// checks.run). Nothing touches the settings file or the OS keychain.

const memorySettings = (): SettingsStore => {
  let data: SettingsData = emptySettings();
  return {
    read: async () => ok(structuredClone(data)),
    write: async (next) => {
      data = structuredClone(next);
    },
    location: '(memory)',
  };
};

export const checkSessionApi = (o: { appInfo: AppInfo; clock: Clock; providers: ProviderDeps; network: Network }) => {
  const deps: ApiDeps = { appInfo: o.appInfo, clock: o.clock, settings: memorySettings(), secrets: createMemorySecretStore(), newId: randomUUID, providers: o.providers, network: o.network };
  return createApi(deps);
};
