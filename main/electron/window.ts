import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { loadBounds, saveBounds } from './window-bounds-file';
import { fitToDisplays } from './window-bounds';
import { constructWindow } from './window-options';

export interface MainWindowInput {
  readonly preloadPath: string;
  readonly stateDir: string;
  readonly title: string;
  readonly devTools: boolean;
  readonly onError: (message: string, fields?: Record<string, unknown>) => void;
}

/** The one app window: hardened options, remembered bounds, the app:// entry page. */
export const createMainWindow = async (input: MainWindowInput): Promise<BrowserWindow> => {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = fitToDisplays(await loadBounds(input.stateDir), workAreas);
  const win = constructWindow(BrowserWindow, { preloadPath: input.preloadPath, bounds, title: input.title, devTools: input.devTools });
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    saveBounds(input.stateDir, { x, y, width, height }).catch((cause: unknown) =>
      input.onError('could not remember the window bounds', { cause }),
    );
  });
  win.webContents.on('render-process-gone', (_event, details) => input.onError('renderer process gone', { reason: details.reason }));
  await win.loadURL(APP_ENTRY_URL);
  return win;
};
