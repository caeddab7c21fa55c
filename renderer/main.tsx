// First: zod must not probe for eval under the CSP (see shared/zod-jitless.ts).
import '../shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppClient } from './api/client';
import { App } from './app/App';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/context';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');

const store = createAppStore(createAppClient());
void store.getState().init();

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
