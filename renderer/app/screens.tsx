import type { ComponentType } from 'react';
import { SERVER_STOPPED_MESSAGE } from '../api/http-transport';
import { BlockedState } from '../components/BlockedState';
import { lazyPart } from '../components/lazy-part';
import { HealthPanel, StatusScreen } from '../screens/status/StatusScreen';
import type { Screen } from '../store/state';

// The wizard, the reviewer and bulk onboarding are lazy chunks: the status screen paints without
// them, and loadScreens() fetches them (and the status screen's health panel) once that paint is
// on screen (main.tsx), before the first call, so a browser-mode server that stops later cannot
// leave the app without its screens. A chunk that cannot be fetched shows the coded failure
// instead of a blank page.

const Unavailable = () => <BlockedState code="APP_SERVER_STOPPED" detail={SERVER_STOPPED_MESSAGE} />;
const options = { fallback: <p className="hint">Loading…</p>, failed: Unavailable };

const wizard = lazyPart(async () => (await import('../wizard/WizardFrame')).WizardFrame, options);
const reviewer = lazyPart(async () => (await import('../screens/reviewer/ReviewerScreen')).ReviewerScreen, options);
const bulk = lazyPart(async () => (await import('../screens/bulk/BulkScreen')).BulkScreen, options);

export const SCREENS: Readonly<Record<Screen, ComponentType>> = {
  status: StatusScreen,
  wizard,
  reviewer,
  bulk,
};

/** Fetches the lazy screens and the health panel (never rejects: a failed one becomes the coded failure). */
export const loadScreens = async (): Promise<void> => {
  await Promise.all([wizard.preload(), reviewer.preload(), bulk.preload(), HealthPanel.preload()]);
};
