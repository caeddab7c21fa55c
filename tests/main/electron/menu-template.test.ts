import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_LABELS, menuTemplate, type MenuActions } from '../../../main/electron/menu-template';

const recording = () => {
  const calls: string[] = [];
  const actions: MenuActions = {
    toggleSafeMode: () => calls.push('safe'),
    reviewBundle: () => calls.push('review'),
    openLogsFolder: () => calls.push('logs'),
    showAbout: () => calls.push('about'),
  };
  return { calls, actions };
};

const flatten = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : [])]);

const click = (item: MenuItemConstructorOptions | undefined): void => {
  const handler = item?.click as (() => void) | undefined;
  if (handler === undefined) throw new Error('item has no click');
  handler();
};

describe('menuTemplate', () => {
  it.each([true, false])('isMac=%s: has the four app actions, each wired to its own action', (isMac) => {
    const { calls, actions } = recording();
    const items = flatten(menuTemplate({ appName: 'App', isMac, developer: false, actions }));
    const byLabel = (prefix: string) => items.find((i) => typeof i.label === 'string' && i.label.startsWith(prefix));
    click(byLabel(MENU_LABELS.safeMode));
    click(byLabel(MENU_LABELS.reviewBundle));
    click(byLabel(MENU_LABELS.openLogs));
    click(byLabel(MENU_LABELS.about));
    expect(calls).toEqual(['safe', 'review', 'logs', 'about']);
  });

  it('offers reload and DevTools only to developers', () => {
    const roles = (developer: boolean) =>
      flatten(menuTemplate({ appName: 'App', isMac: false, developer, actions: recording().actions })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
