import { BrowserWindow, screen } from 'electron';
import { loadBounds, saveBoundsSync } from './window-bounds-file';
import { fitToDisplays } from './window-bounds';
import { constructWindow } from './window-options';

export interface MainWindowInput {
  readonly preloadPath: string;
  readonly stateDir: string;
  readonly title: string;
  readonly devTools: boolean;
  readonly onError: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * The one app window: hardened options, remembered bounds. Not loaded yet: the caller records it
 * as the trusted IPC sender first, then loads APP_ENTRY_URL (the page calls the api while loading).
 */
export const createMainWindow = async (input: MainWindowInput): Promise<BrowserWindow> => {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = fitToDisplays(await loadBounds(input.stateDir), workAreas);
  const win = constructWindow(BrowserWindow, { preloadPath: input.preloadPath, bounds, title: input.title, devTools: input.devTools });
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    try {
      saveBoundsSync(input.stateDir, { x, y, width, height });
    } catch (cause) {
      input.onError('could not remember the window bounds', { cause });
    }
  });
  win.webContents.on('render-process-gone', (_event, details) => input.onError('renderer process gone', { reason: details.reason }));
  return win;
};
