import { lazy, type ComponentType } from 'react';
import { SERVER_STOPPED_MESSAGE } from '../api/http-transport';
import { BlockedState } from '../components/BlockedState';
import { StatusScreen } from '../screens/status/StatusScreen';
import type { Screen } from '../store/state';

// The wizard, the reviewer and bulk onboarding are lazy chunks: the status screen paints without them, and
// loadScreens() fetches them right after (main.tsx), before the first call, so a browser-mode
// server that stops later cannot leave the app without its screens. A chunk that cannot be
// fetched shows the coded failure instead of a blank page.

const Unavailable = () => <BlockedState code="APP_SERVER_STOPPED" detail={SERVER_STOPPED_MESSAGE} />;

type Loaded = { readonly default: ComponentType };

const chunk = (load: () => Promise<ComponentType>) => {
  let loading: Promise<Loaded> | undefined;
  const get = (): Promise<Loaded> => {
    loading ??= load().then(
      (component) => ({ default: component }),
      () => ({ default: Unavailable }),
    );
    return loading;
  };
  return { get, Component: lazy(get) };
};

const wizard = chunk(async () => (await import('../wizard/WizardFrame')).WizardFrame);
const reviewer = chunk(async () => (await import('../screens/reviewer/ReviewerScreen')).ReviewerScreen);
const bulk = chunk(async () => (await import('../screens/bulk/BulkScreen')).BulkScreen);

export const SCREENS: Readonly<Record<Screen, ComponentType>> = {
  status: StatusScreen,
  wizard: wizard.Component,
  reviewer: reviewer.Component,
  bulk: bulk.Component,
};

/** Fetches the lazy screens (never rejects: a failed one becomes the coded failure). */
export const loadScreens = async (): Promise<void> => {
  await Promise.all([wizard.get(), reviewer.get(), bulk.get()]);
};
