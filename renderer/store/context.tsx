import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store';

const StoreContext = createContext<AppStore | null>(null);

export const StoreProvider = ({ store, children }: { readonly store: AppStore; readonly children: ReactNode }) => (
  <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
);

export const useAppStoreApi = (): AppStore => {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useApp needs a StoreProvider above it');
  return store;
};

/** Reads a slice of the app state; re-renders only when that slice changes. */
export const useApp = <T,>(selector: (state: AppState) => T): T => useStore(useAppStoreApi(), selector);
