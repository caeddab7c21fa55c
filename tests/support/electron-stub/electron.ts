import { EventEmitter } from 'node:events';

// A recording stand-in for the parts of Electron's main-process API that main/electron/ uses, so
// the desktop entry runs in plain Node (tests/support/electron-stub/hooks.mjs resolves `electron`
// here). It keeps no behaviour of its own beyond what the entry needs to get through start-up:
// `whenReady` resolves, a window has a webContents, and `ipcMain.handle` keeps the handlers so a
// test can call them as the preload would. Every call is recorded in `stubCalls`.
//
// Paths come from the environment the test sets: ELECTRON_STUB_APP_PATH (app.getAppPath(), the
// project folder) and ELECTRON_STUB_USER_DATA (app.getPath('userData')).

export interface StubCall {
  readonly api: string;
  readonly args: readonly unknown[];
}

export const stubCalls: StubCall[] = [];
const record = (api: string, args: readonly unknown[]): void => {
  stubCalls.push({ api, args });
};

const envPath = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`electron stub: ${name} is not set`);
  return value;
};

type Listener = (...args: unknown[]) => unknown;

class StubApp extends EventEmitter {
  readonly isPackaged = false;
  enableSandbox(): void {
    record('app.enableSandbox', []);
  }
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock', []);
    return true;
  }
  quit(): void {
    record('app.quit', []);
  }
  getAppPath(): string {
    return envPath('ELECTRON_STUB_APP_PATH');
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`electron stub: app.getPath('${name}') is not stubbed`);
    return envPath('ELECTRON_STUB_USER_DATA');
  }
  setAppLogsPath(path: string): void {
    record('app.setAppLogsPath', [path]);
  }
  getVersion(): string {
    return '0.0.0-stub';
  }
  whenReady(): Promise<void> {
    record('app.whenReady', []);
    return Promise.resolve();
  }
}
export const app = new StubApp();

export const protocol = {
  registerSchemesAsPrivileged: (schemes: readonly unknown[]): void => record('protocol.registerSchemesAsPrivileged', [schemes]),
  handle: (scheme: string, _handler: Listener): void => record('protocol.handle', [scheme]),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (_handler: Listener): void => {
      record('session.setPermissionRequestHandler', []);
    },
    setPermissionCheckHandler: (_handler: Listener): void => {
      record('session.setPermissionCheckHandler', []);
    },
    setDevicePermissionHandler: (_handler: Listener): void => {
      record('session.setDevicePermissionHandler', []);
    },
  },
};

/** The handlers `ipcMain.handle` registered, by channel. */
export const ipcHandlers = new Map<string, Listener>();
export const ipcMain = {
  handle: (channel: string, listener: Listener): void => {
    record('ipcMain.handle', [channel]);
    if (ipcHandlers.has(channel)) throw new Error(`electron stub: a second handler for ${channel}`);
    ipcHandlers.set(channel, listener);
  },
  removeHandler: (channel: string): void => {
    record('ipcMain.removeHandler', [channel]);
    ipcHandlers.delete(channel);
  },
};

export const dialog = {
  showMessageBox: async (...args: unknown[]): Promise<{ response: number }> => {
    record('dialog.showMessageBox', args);
    return { response: 0 };
  },
  showErrorBox: (title: string, content: string): void => record('dialog.showErrorBox', [title, content]),
};

export const shell = {
  openExternal: async (url: string): Promise<void> => record('shell.openExternal', [url]),
  openPath: async (path: string): Promise<string> => {
    record('shell.openPath', [path]);
    return '';
  },
};

export const Menu = {
  buildFromTemplate: (template: readonly unknown[]): { readonly template: readonly unknown[] } => {
    record('Menu.buildFromTemplate', [template.length]);
    return { template };
  },
  setApplicationMenu: (menu: unknown): void => record('Menu.setApplicationMenu', [menu === null ? null : 'menu']),
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

let nextContentsId = 1;
class StubWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  send(channel: string): void {
    record('webContents.send', [channel]);
  }
  setWindowOpenHandler(_handler: Listener): void {
    record('webContents.setWindowOpenHandler', []);
  }
}

let onLoaded: (win: StubBrowserWindow) => void = () => undefined;
const loaded = new Promise<StubBrowserWindow>((resolve) => {
  onLoaded = resolve;
});
/** Resolves with the window once the entry has loaded its page into it. */
export const whenLoaded = (): Promise<StubBrowserWindow> => loaded;

/** The windows the entry created. */
export const windows: StubBrowserWindow[] = [];
class StubBrowserWindow extends EventEmitter {
  readonly webContents = new StubWebContents();
  readonly options: unknown;
  url: string | null = null;
  private destroyed = false;
  constructor(options: unknown) {
    super();
    record('new BrowserWindow', [options]);
    this.options = options;
    windows.push(this);
    // As Electron does for every new webContents.
    app.emit('web-contents-created', {}, this.webContents);
  }
  show(): void {
    record('BrowserWindow.show', []);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {
    record('BrowserWindow.restore', []);
  }
  focus(): void {
    record('BrowserWindow.focus', []);
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
  async loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', [url]);
    this.url = url;
    onLoaded(this);
  }
}
export const BrowserWindow = StubBrowserWindow;

