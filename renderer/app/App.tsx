import { BusyLine } from '../components/BusyLine';
import { ErrorPanel } from '../components/ErrorPanel';
import { useApp, useAppStoreApi } from '../store/context';
import { Header } from './Header';
import { SafeModeBanner } from './SafeModeBanner';
import { SCREENS } from './screens';
import { useBridgeEvents } from './use-bridge-events';
import { useShortcuts } from './use-shortcuts';

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
