import type { RunActions } from './run-actions';
import type { AppData } from './state';

export interface AppActions {
  readonly init: () => Promise<void>;
  readonly refreshTargets: () => Promise<void>;
  readonly refreshHealth: () => Promise<void>;
  readonly openStatus: () => Promise<void>;
  readonly openReviewer: () => void;
  /** "Many repositories" for a saved target whose instance steps are done. */
  readonly openBulk: (targetId: string) => void;
  readonly setSafeMode: (on: boolean) => void;
}

type Set = (partial: Partial<AppData>) => void;
type Get = () => AppData & AppActions & RunActions;

export const appActions = (set: Set, get: Get): AppActions => ({
  init: async () => {
    const info = await get().run('app.info', {}, 'Loading app information');
    if (info !== null) set({ info });
    await get().refreshHealth();
    await get().refreshTargets();
  },
  refreshHealth: async () => {
    const health = await get().run('health.report', {}, 'Checking this machine (keychain, proxy)');
    if (health !== null) set({ health });
  },
  refreshTargets: async () => {
    const targets = await get().run('targets.list', {}, 'Loading saved targets');
    if (targets !== null) set({ targets, targetsLoaded: true });
  },
  // Leaving a screen leaves its failures behind: they were about what it showed.
  openStatus: async () => {
    set({ screen: 'status', actions: {} });
    await get().refreshHealth();
    await get().refreshTargets();
  },
  openReviewer: () => set({ screen: 'reviewer', actions: {} }),
  openBulk: (targetId) => set({ screen: 'bulk', bulkTargetId: targetId, actions: {} }),
  setSafeMode: (on) => set({ safeMode: on }),
});
