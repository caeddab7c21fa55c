import { build, type BuildOptions, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';

// Vite production builds for the size and paint figures, with the renderer's plugins.

export const buildWithVite = async (root: string, input: string, outDir: string, options: BuildOptions = {}, plugins: PluginOption[] = [react()]): Promise<void> => {
  // The bench runs inside Vite's dev server, which sets NODE_ENV=development; a build must not
  // inherit it (React's development build would be measured).
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: false,
      mode: 'production',
      root,
      base: './',
      logLevel: 'silent',
      plugins,
      build: { ...options, outDir, emptyOutDir: true, rollupOptions: { ...options.rollupOptions, input } },
    });
  } finally {
    if (previous === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = previous;
  }
};
