import { useEffect } from 'react';
import type { AppStore } from '../store/app-store';

/** Global keyboard shortcuts; listed on the Integration status screen. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: 'Alt+Shift+S', does: 'Turn screen-share safe mode on or off' },
  { keys: 'Alt+Shift+H', does: 'Go to Integration status' },
  { keys: 'Tab / Shift+Tab', does: 'Move between controls' },
];

export const useShortcuts = (store: AppStore): void => {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const state = store.getState();
      if (event.code === 'KeyS') {
        event.preventDefault();
        state.setSafeMode(!state.safeMode);
      } else if (event.code === 'KeyH') {
        event.preventDefault();
        void state.openStatus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
};
