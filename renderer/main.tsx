// First: zod must not probe for eval under the CSP (see shared/zod-jitless.ts).
import '../shared/zod-jitless';
import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppClient } from './api/client';
import { createProgressSource } from './api/progress-source';
import { afterFirstPaint } from './app/after-first-paint';
import { App } from './app/App';
import { loadScreens } from './app/screens';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/context';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');

const store = createAppStore(createAppClient(), {}, createProgressSource());

// After the first paint (after-first-paint.ts): fetch the lazy screens and parts, then make the
// first call, which loads the contract's schemas (another lazy chunk) and the data. Once the
// version shows, all of the app's code is in the page. Once only (StrictMode runs effects twice
// in development).
let started = false;
const start = (): void => {
  if (started) return;
  started = true;
  void loadScreens().then(() => store.getState().init());
};
const Boot = ({ children }: { readonly children: ReactNode }) => {
  useEffect(() => afterFirstPaint(start), []);
  return children;
};

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <Boot>
        <App />
      </Boot>
    </StoreProvider>
  </StrictMode>,
);
