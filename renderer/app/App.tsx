import { lazy, Suspense, type ComponentType } from 'react';
import { BusyLine } from '../components/BusyLine';
import { ErrorPanel } from '../components/ErrorPanel';
import { StatusScreen } from '../screens/status/StatusScreen';
import { useApp, useAppStoreApi } from '../store/context';
import type { Screen } from '../store/state';
import { Header } from './Header';
import { SafeModeBanner } from './SafeModeBanner';
import { useBridgeEvents } from './use-bridge-events';
import { useShortcuts } from './use-shortcuts';

// The wizard and the reviewer are lazy chunks: the status screen paints without them.
const WizardFrame = lazy(async () => ({ default: (await import('../wizard/WizardFrame')).WizardFrame }));
const ReviewerScreen = lazy(async () => ({ default: (await import('../screens/reviewer/ReviewerScreen')).ReviewerScreen }));

const SCREENS: Record<Screen, ComponentType> = {
  status: StatusScreen,
  wizard: WizardFrame,
  reviewer: ReviewerScreen,
};

/** The shell: header, safe-mode banner, the current screen, and the error panel above it. */
export const App = () => {
  const screen = useApp((s) => s.screen);
  const store = useAppStoreApi();
  useShortcuts(store);
  useBridgeEvents(store);
  const Screen = SCREENS[screen];
  return (
    <>
      <Header />
      <SafeModeBanner />
      <main className="app-main">
        <ErrorPanel />
        <BusyLine />
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <Screen />
        </Suspense>
      </main>
    </>
  );
};
