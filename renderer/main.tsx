// First: zod must not probe for eval under the CSP (see shared/zod-jitless.ts).
import '../shared/zod-jitless';
import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppClient } from './api/client';
import { App } from './app/App';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/context';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');

const store = createAppStore(createAppClient());

// The first call loads the contract's schemas (a lazy chunk) and the data; it starts from an
// effect, which React runs after the first screen has painted, so the shell does not wait for it.
let started = false;
const Boot = ({ children }: { readonly children: ReactNode }) => {
  useEffect(() => {
    if (started) return;
    started = true;
    void store.getState().init();
  }, []);
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
