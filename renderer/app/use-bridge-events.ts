import { useEffect } from 'react';
import { findBridge } from '../api/bridge-transport';
import type { AppStore } from '../store/app-store';

/** Desktop only: the application menu's actions arrive as bridge events without payload. */
export const useBridgeEvents = (store: AppStore): void => {
  useEffect(() => {
    const on = findBridge()?.on;
    if (typeof on !== 'function') return undefined;
    const offs = [
      on('safe-mode.toggle', () => store.getState().setSafeMode(!store.getState().safeMode)),
      on('bundle.review', () => store.getState().openReviewer()),
    ];
    return () => offs.forEach((off) => off());
  }, [store]);
};
