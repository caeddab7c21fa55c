import type { ApiClient } from '../api/client';
import type { RunActions } from './run-actions';
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
type Get = () => AppData & AppActions & RunActions;

export const appActions = (client: ApiClient, set: Set, get: Get): AppActions => ({
  init: async () => {
    const info = await get().run('Loading app information', () => client['app.info']({}));
    if (info !== null) set({ info });
    await get().refreshTargets();
  },
  refreshTargets: async () => {
    const targets = await get().run('Loading saved targets', () => client['targets.list']({}));
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
