import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { eventChannelFor, type BridgeEvent } from '../../shared/contract/method-names';
import { createApi } from '../api/index';
import { defaultDataDir } from '../composition/data-dir';
import { createFileLogger } from '../services/logging/logger';
import { warnIfTlsOverrideSet } from '../composition/tls-override-warning';
import { aboutDetail } from './about';
import { APP_ENTRY_URL, APP_ORIGINS, APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { registerCaDialog } from './ca-dialog';
import { createDesktopDeps, type DesktopSeams } from './composition';
import { registerIpcHandlers } from './ipc-adapter';
import { menuTemplate } from './menu-template';
import { createExternalOpener } from './open-external';
import { guardSession } from './session-guard';
import { readSigningKeyFingerprint } from './signing-key-fingerprint';
import { guardWebContents } from './web-contents-guard';
import { createMainWindow } from './window';

// The desktop shell's wiring. Everything with a decision in it lives in a pure module beside this
// one (tested in tests/main/electron/); this file only connects those modules to Electron.
// It is the one file that imports the runtime ipcMain (enforced by eslint.config.js).

const PRODUCT_NAME = 'Bitbucket Target Setup';

/** Starts the desktop app. `seams` are for tests that run this entry against a stub `electron` (tests/support/electron-stub/); the app passes none. */
export const startDesktop = (seams: DesktopSeams = {}): void => {
  // Before ready: the app:// scheme behaves like https (standard, secure origin, fetch allowed).
  // corsEnabled because vite's module scripts are fetched in CORS mode (`crossorigin`); no
  // bypassCSP, so the page's CSP always applies.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // From the app's root (the project folder, or app.asar when packaged), so it holds wherever the
  // bundler puts this code.
  const appRoot = app.getAppPath();
  const preloadPath = join(appRoot, 'out', 'preload', 'index.cjs');
  const rendererRoot = join(appRoot, 'out', 'renderer');
  const userData = app.getPath('userData');
  const logsDir = join(userData, 'logs');
  app.setAppLogsPath(logsDir);
  const log = createFileLogger({ file: join(logsDir, 'main.log') });
  warnIfTlsOverrideSet(process.env, { logger: log });
  const openDocs = createExternalOpener(shell);
  let win: BrowserWindow | null = null;

  const send = (event: BridgeEvent): void => {
    if (win !== null && !win.isDestroyed()) win.webContents.send(eventChannelFor(event));
  };

  app.on('second-instance', () => {
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      openDocs,
      onBlocked: (what, origin) => log.warn('blocked', { what, origin }),
    });
  });
  app.on('window-all-closed', () => app.quit());

  const ready = async (): Promise<void> => {
    guardSession(session.defaultSession, (permission) => log.warn('permission denied', { permission }));
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));

    const versions = { node: process.versions.node, electron: process.versions.electron, chrome: process.versions.chrome };
    const deps = createDesktopDeps({ ...seams, dataDir: defaultDataDir(), versions, shell, logger: log, env: process.env });
    const api = createApi(deps);
    const policy = { origins: APP_ORIGINS, isAppContents: (id: number) => win !== null && !win.isDestroyed() && win.webContents.id === id };
    registerIpcHandlers(ipcMain, api.call, { policy, onRejected: (name, reason) => log.warn('ipc call refused', { name, reason }) });
    const caDialog = {
      title: 'Choose the corporate CA certificate',
      properties: ['openFile' as const],
      filters: [{ name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] }, { name: 'All files', extensions: ['*'] }],
    };
    registerCaDialog(ipcMain, { policy, choose: () => (win === null ? dialog.showOpenDialog(caDialog) : dialog.showOpenDialog(win, caDialog)) });

    const showAbout = async (): Promise<void> => {
      const fingerprint = await readSigningKeyFingerprint(api.call);
      const detail = aboutDetail({ name: PRODUCT_NAME, version: app.getVersion(), ...versions, signingKeyFingerprint: fingerprint });
      const options = { type: 'info' as const, title: `About ${PRODUCT_NAME}`, message: PRODUCT_NAME, detail, buttons: ['OK'] };
      await (win === null ? dialog.showMessageBox(options) : dialog.showMessageBox(win, options));
    };
    const template = menuTemplate({
      appName: PRODUCT_NAME,
      isMac: process.platform === 'darwin',
      developer: !app.isPackaged,
      actions: {
        toggleSafeMode: () => send('safe-mode.toggle'),
        reviewBundle: () => send('bundle.review'),
        openLogsFolder: () => {
          shell.openPath(logsDir).catch(() => undefined);
        },
        showAbout: () => {
          showAbout().catch((cause: unknown) => log.error('about dialog failed', { cause }));
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));

    win = await createMainWindow({
      preloadPath,
      stateDir: userData,
      title: PRODUCT_NAME,
      devTools: !app.isPackaged,
      onError: (message, fields) => log.error(message, fields),
    });
    win.on('closed', () => {
      win = null;
    });
    await win.loadURL(APP_ENTRY_URL);
    log.info('started', { version: app.getVersion(), electron: versions.electron });
  };

  app
    .whenReady()
    .then(ready)
    .catch((cause: unknown) => {
      log.error('start failed', { cause });
      dialog.showErrorBox(PRODUCT_NAME, 'The app could not start. The log in the user-data folder says why.');
      app.quit();
    });
};
