import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { create } from 'zustand';

// The renderer-size floor: React, react-dom, zustand and zod used just enough that none of them
// is tree-shaken away, built exactly like the renderer.

const Greeting = z.object({ text: z.string().min(1), count: z.number().int() });
const useStore = create<{ count: number; bump: () => void }>((set) => ({ count: 0, bump: () => set((s) => ({ count: s.count + 1 })) }));

const App = () => {
  const { count, bump } = useStore();
  const parsed = Greeting.safeParse({ text: 'floor', count });
  return (
    <button type="button" onClick={bump}>
      {parsed.success ? `${parsed.data.text} ${parsed.data.count}` : 'invalid'}
    </button>
  );
};

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
