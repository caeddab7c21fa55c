import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Moves focus with the Tab key only until `target` has it (at most `max` presses), proving the
 * control is reachable without a mouse. Then the caller presses Enter, Space or types.
 */
export const tabTo = async (page: Page, target: Locator, max = 80): Promise<void> => {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reachable with Tab within ${max} presses`).toBeFocused();
};

/** The focused element shows a visible focus indicator (an outline or a box shadow). */
export const expectVisibleFocus = async (target: Locator): Promise<void> => {
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  expect(style.outline !== 'none' && style.width >= 2 || style.shadow !== 'none', 'visible focus indicator').toBe(true);
};
