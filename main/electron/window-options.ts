import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window-bounds';

export interface WindowOptionsInput {
  /** Absolute path of the built preload, out/preload/index.cjs. */
  readonly preloadPath: string;
  /** Remembered size and position, already checked to be on a visible display. */
  readonly bounds: WindowBounds;
  readonly title: string;
  /** DevTools only in unpackaged builds. */
  readonly devTools: boolean;
}

/**
 * The BrowserWindow options, as a pure function so a test can read every security switch.
 * Electron's defaults are already safe for most of these; they are spelled out so that a change
 * in a default, or a careless edit, shows up in review and in tests/main/electron/.
 */
export const windowOptions = (input: WindowOptionsInput): BrowserWindowConstructorOptions => ({
  ...input.bounds,
  minWidth: 720,
  minHeight: 520,
  title: input.title,
  show: false,
  backgroundColor: '#ffffff',
  webPreferences: {
    preload: input.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: input.devTools,
  },
});
