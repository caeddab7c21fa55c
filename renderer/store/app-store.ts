import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../api/client';
import type { ProgressSource } from '../api/progress-source';
import { appActions, type AppActions } from './app-actions';
import { runActions, type RunActions } from './run-actions';
import { initialData, type AppData } from './state';
import { wizardActions, type WizardActions } from './wizard-actions';

export type AppState = AppData & AppActions & WizardActions & RunActions;
export type AppStore = StoreApi<AppState>;

/** One store per app (and per test): the client, any starting state and where progress events come from are handed in. */
export const createAppStore = (client: ApiClient, initial: Partial<AppData> = {}, progress?: ProgressSource): AppStore =>
  createStore<AppState>()((set, get) => ({
    ...initialData,
    ...initial,
    ...appActions(set, get),
    ...wizardActions(set, get),
    ...runActions(client, set, get, progress),
  }));
