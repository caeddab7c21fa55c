import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

// The browser the first-paint figure measures in. Chromium 156's headless mode builds its omnibox
// popup (a WebUI page: lit, mojo bindings, some sixty scripts) for every new window and again on
// its first navigation, in a renderer of its own, so on two cores it competes with the page being
// measured; a fresh browser context per run means a new window per run. Identical builds
// measured 1.15x and 1.30x the floor in one A/A run with it, 1.15x and 1.16x without it, and
// every page paints about 30 % sooner (docs/performance.md). The bench turns those features
// off; nothing else about the browser changes.

/** Chromium's omnibox popup WebUI features (names as Chromium 156 spells them). */
export const OMNIBOX_POPUP_FEATURES: readonly string[] = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

const SWITCH = '--disable-features=';

/**
 * One `--disable-features` switch that keeps every feature `args` already disables and adds
 * `extra`. Chromium honours only the last occurrence of the switch (CommandLine keeps one value
 * per name), and Playwright passes its own list first, so a second switch with only ours would
 * silently turn Playwright's list back on (PaintHolding among them, which changes first paint).
 */
export const mergedDisableFeatures = (args: readonly string[], extra: readonly string[]): string => {
  const last = args.filter((a) => a.startsWith(SWITCH)).at(-1);
  const existing = last === undefined ? [] : last.slice(SWITCH.length).split(',');
  const names = [...existing, ...extra].map((n) => n.trim()).filter((n) => n !== '');
  return SWITCH + [...new Set(names)].join(',');
};

/** Chromium as Playwright launches it with CHROMIUM_ARGS, minus the omnibox popup WebUI. */
export const launchQuietChromium = async (): Promise<Browser> => {
  // Playwright's own switches are only visible on a launched process: read them once.
  const probe = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const spawned = probe.process().spawnargs;
  await probe.close();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, mergedDisableFeatures(spawned, OMNIBOX_POPUP_FEATURES)] });
};
