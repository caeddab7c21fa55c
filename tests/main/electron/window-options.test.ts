import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { constructWindow } from '../../../main/electron/window-options';

/** Stands in for Electron's BrowserWindow and keeps the options it was built with. */
class RecordingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

const { options } = constructWindow(RecordingWindow, {
  preloadPath: '/app/out/preload/index.cjs',
  bounds: { width: 900, height: 700 },
  title: 'T',
  devTools: false,
});
const prefs = options.webPreferences ?? {};

describe('constructWindow', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('enables no Blink feature, disables middle-click opening, and loads the built CommonJS preload', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('has no security switch left to a default that could change', () => {
    const keys = Object.keys(prefs);
    for (const k of ['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'allowRunningInsecureContent']) expect(keys).toContain(k);
  });

  it('uses the remembered bounds and stays hidden until ready', () => {
    expect(options).toMatchObject({ width: 900, height: 700, show: false });
    expect(options.x).toBeUndefined();
  });
});
