import type { Page } from '@playwright/test';

/**
 * One contract call from the page, through browser mode's own route and session cookie (as the
 * app's http transport makes it), to arrange a state a spec is not about. Answers the Result.
 */
export const callFromPage = async (page: Page, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> =>
  page.evaluate(
    async ([route, body]) => {
      const response = await fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body, credentials: 'same-origin' });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    [`/api/${name}`, JSON.stringify(input)] as const,
  );
