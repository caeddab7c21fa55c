import type { ReactElement } from 'react';
import { BusyLine } from '../components/BusyLine';
import { ErrorPanel } from '../components/ErrorPanel';
import { StatusScreen } from '../screens/status/StatusScreen';
import { useApp, useAppStoreApi } from '../store/context';
import type { Screen } from '../store/state';
import { ReviewerScreen } from '../screens/reviewer/ReviewerScreen';
import { WizardFrame } from '../wizard/WizardFrame';
import { Header } from './Header';
import { SafeModeBanner } from './SafeModeBanner';
import { useBridgeEvents } from './use-bridge-events';
import { useShortcuts } from './use-shortcuts';

const SCREENS: Record<Screen, () => ReactElement> = {
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
        <Screen />
      </main>
    </>
  );
};
