import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

const DIR = resolve(import.meta.dirname, '../../../docs/screenshots');

/**
 * Saves a PNG of the real screen at 1280×720 to docs/screenshots/<name>.png (the README shows
 * them). Called from the path specs at the moment each screen is in the state worth showing.
 */
export const screenshot = async (page: Page, name: string, options: { readonly keepFocus?: boolean } = {}): Promise<void> => {
  mkdirSync(DIR, { recursive: true });
  // Focus is dropped so no focus ring shows, unless what is shown needs it (an open suggestion list).
  if (options.keepFocus !== true) await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: false, animations: 'disabled', caret: 'hide' });
};
