import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  readonly toggleSafeMode: () => void;
  readonly reviewBundle: () => void;
  readonly openLogsFolder: () => void;
  readonly showAbout: () => void;
}

export interface MenuOptions {
  readonly appName: string;
  readonly isMac: boolean;
  /** Reload and DevTools entries only in unpackaged builds. */
  readonly developer: boolean;
  readonly actions: MenuActions;
}

export const MENU_LABELS = {
  safeMode: 'Screen-share safe mode',
  reviewBundle: 'Review a bundle…',
  openLogs: 'Open logs folder',
  about: 'About',
} as const;

/** The application menu as data; app.ts hands it to Menu.buildFromTemplate. */
export const menuTemplate = (options: MenuOptions): MenuItemConstructorOptions[] => {
  const { actions } = options;
  const about: MenuItemConstructorOptions = { label: `${MENU_LABELS.about} ${options.appName}`, click: actions.showAbout };
  const macApp: MenuItemConstructorOptions[] = options.isMac
    ? [{ label: options.appName, submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...macApp,
    {
      label: 'File',
      submenu: [
        { label: MENU_LABELS.reviewBundle, accelerator: 'CmdOrCtrl+O', click: actions.reviewBundle },
        { type: 'separator' },
        { label: MENU_LABELS.openLogs, click: actions.openLogsFolder },
        ...(options.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: MENU_LABELS.safeMode, accelerator: 'CmdOrCtrl+Shift+S', click: actions.toggleSafeMode },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        ...(options.developer ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { role: 'windowMenu' },
    { label: 'Help', submenu: options.isMac ? [] : [about] },
  ];
};
