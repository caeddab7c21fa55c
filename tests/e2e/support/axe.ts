import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Scans the page with axe-core (all default rules, WCAG 2 A and AA included) and expects no violations. */
export const expectNoAxeViolations = async (page: Page, screen: string): Promise<void> => {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
  expect(result.passes.length, `axe ran its rules on ${screen}`).toBeGreaterThan(0);
};

/** The same scan in the light and in the dark colour scheme; the page is left in light. */
export const expectNoAxeViolationsInBothSchemes = async (page: Page, screen: string): Promise<void> => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${screen} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
};
