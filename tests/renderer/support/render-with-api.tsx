import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createClient } from '../../../shared/contract';
import { createAppStore } from '../../../renderer/store/app-store';
import type { AppData } from '../../../renderer/store/state';
import { StoreProvider } from '../../../renderer/store/context';
import { testApi } from '../../support/test-api';

/**
 * Renders `ui` under a fresh store whose client reaches the real api (real handlers and services,
 * conf settings in a temp dir): what a screen shows is what main answered. Call `cleanup()` after.
 */
export const renderWithApi = (ui: ReactElement, initial: Partial<AppData> = {}, over: Parameters<typeof testApi>[0] = {}) => {
  const t = testApi(over);
  const calls: string[] = [];
  const store = createAppStore(
    createClient(async (name, input) => {
      calls.push(name);
      return t.api.call(name, input);
    }),
    initial,
  );
  const view = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...view, store, api: t, calls };
};
