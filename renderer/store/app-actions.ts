import type { ApiClient } from '../api/client';
import { runCall } from './run-call';
import type { AppData } from './state';

export interface AppActions {
  readonly init: () => Promise<void>;
  readonly refreshTargets: () => Promise<void>;
  readonly openStatus: () => Promise<void>;
  readonly openReviewer: () => void;
  readonly setSafeMode: (on: boolean) => void;
  readonly dismissFailure: () => void;
}

type Set = (partial: Partial<AppData>) => void;
type Get = () => AppData & AppActions;

export const appActions = (client: ApiClient, set: Set, get: Get): AppActions => ({
  init: async () => {
    const info = await runCall(set, 'Loading app information', () => client['app.info']({}), get().init);
    if (info !== null) set({ info });
    await get().refreshTargets();
  },
  refreshTargets: async () => {
    const targets = await runCall(set, 'Loading saved targets', () => client['targets.list']({}), get().refreshTargets);
    if (targets !== null) set({ targets, targetsLoaded: true });
  },
  openStatus: async () => {
    set({ screen: 'status', failure: null });
    await get().refreshTargets();
  },
  openReviewer: () => set({ screen: 'reviewer', failure: null }),
  setSafeMode: (on) => set({ safeMode: on }),
  dismissFailure: () => set({ failure: null }),
});
