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

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the app window with every security switch written out in one object literal, right in
 * the `new BrowserWindow(…)` call, so that reviewers and electronegativity read the real options.
 * The constructor is passed in: app code passes Electron's BrowserWindow, the tests a recorder.
 * Electron's defaults are already safe for most of these; they are spelled out so that a change
 * in a default, or a careless edit, shows up in review and in tests/main/electron/.
 */
export const constructWindow = <W>(BrowserWindow: WindowConstructor<W>, input: WindowOptionsInput): W =>
  new BrowserWindow({
    ...input.bounds,
    minWidth: 720,
    minHeight: 520,
    title: input.title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath, // eng-disable PRELOAD_JS_CHECK (reviewed: preload/ exposes only the generated verbs; docs/security.md)
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
      // Middle-click must not open a window behind setWindowOpenHandler's back.
      disableBlinkFeatures: 'Auxclick',
      devTools: input.devTools,
    },
  });
