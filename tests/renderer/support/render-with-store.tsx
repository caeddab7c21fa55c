import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createClient, type TargetRecord } from '../../../shared/contract';
import { createAppStore } from '../../../renderer/store/app-store';
import type { AppData } from '../../../renderer/store/state';
import { StoreProvider } from '../../../renderer/store/context';
import { createMemoryTransport, type Overrides } from './memory-transport';

/** Renders `ui` under a fresh store backed by the in-memory transport (with any answers a test overrides). */
export const renderWithStore = (ui: ReactElement, initial: Partial<AppData> = {}, seed: readonly TargetRecord[] = [], overrides: Overrides = {}) => {
  const memory = createMemoryTransport(seed, overrides);
  const store = createAppStore(createClient(memory.transport), initial);
  const view = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...view, store, memory };
};
