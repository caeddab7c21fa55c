import { randomUUID } from 'node:crypto';
import { createApi, type ApiDeps } from '../api';
import { createClient, type ApiClient } from '../../shared/contract/client';
import type { ProgressEvent } from '../../shared/contract/progress';
import { inProcessTransport } from './in-process-transport';
import { ok } from '../../shared/contract/define';
import { createMemorySecretStore } from '../services/secrets/memory-secret-store';
import { emptySettings, type SettingsData } from '../services/settings/settings-data';
import type { SettingsStore } from '../services/settings/settings-store';

// The composition root of a `check` run: the same api as every other caller, over settings and
// secrets that live in memory for the run. Nothing touches the settings file or the OS keychain.

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

/** What a session shares with the root it is made from: identity, time and the network. */
export type CheckSessionDeps = Pick<ApiDeps, 'appInfo' | 'clock' | 'providers' | 'network'>;

/** A contract client over a fresh in-memory api: what `check` talks to. */
export const createCheckSessionClient = ({ appInfo, clock, providers, network }: CheckSessionDeps, progress?: (event: ProgressEvent) => void): ApiClient => {
  const api = createApi({
    appInfo,
    clock,
    providers,
    network,
    settings: memorySettings(),
    secrets: createMemorySecretStore(),
    newId: randomUUID,
  });
  return createClient(inProcessTransport(api, progress));
};
