import { describe, expect, it } from 'vitest';
import { dataCenterNext, readPages, startAtNext, truncationNote, type PageOf } from '../../../../../main/services/providers/common/pager';
import type { CallResult } from '../../../../../main/services/providers/common/provider-result';

const response = { status: 200, headers: {}, body: '', url: 'https://x.example/' };
const evidence = { addresses: [], redirects: [], via_proxy: false, timings_ms: {} };

/** A provider of `total` numbered items, `size` a page, starting at the cursor. */
const numbers = (total: number, size: number) => {
  const asked: number[] = [];
  const fetchPage = async (start: number): Promise<CallResult<PageOf<number, number>>> => {
    asked.push(start);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return { ok: true, value: { items, next: start + size < total ? start + size : undefined }, response, evidence };
  };
  return { asked, fetchPage };
};

describe('readPages', () => {
  it('follows every page to the last and keeps the order', async () => {
    const p = numbers(120, 50);
    const r = await readPages(0, p.fetchPage);
    expect(r.ok && r.value).toMatchObject({ truncated: false, pages: 3 });
    expect(r.ok ? r.value.items : []).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(p.asked).toEqual([0, 50, 100]);
  });

  it('a page that says more remain but names no next one ends the list as truncated, not complete', async () => {
    const r = await readPages(0, async (start: number): Promise<CallResult<PageOf<number, number>>> => ({ ok: true, value: { items: [start, start + 1], next: undefined, cut: true }, response, evidence }));
    expect(r.ok && r.value).toEqual({ items: [0, 1], truncated: true, pages: 1 });
  });

  it('stops at the page cap and says the list was truncated', async () => {
    const p = numbers(1000, 10);
    const r = await readPages(0, p.fetchPage, 3);
    expect(r.ok && r.value).toMatchObject({ truncated: true, pages: 3 });
    expect(p.asked).toEqual([0, 10, 20]);
    expect(r.ok ? truncationNote(r.value, 'issue types') : '').toBe(' (list truncated at 30 issue types)');
  });

  it('a failed page fails the list', async () => {
    let n = 0;
    const r = await readPages(0, async (start: number): Promise<CallResult<PageOf<number, number>>> => {
      n += 1;
      return n === 1 ? { ok: true, value: { items: [start], next: 1 }, response, evidence } : { ok: false, failure: { code: 'PROVIDER_UNAVAILABLE', message: 'HTTP 503' } };
    });
    expect(r.ok ? 'ok' : r.failure.code).toBe('PROVIDER_UNAVAILABLE');
  });
});

describe('where the next page starts, per provider', () => {
  it.each([
    ['Data Center: more to come', { isLastPage: false, nextPageStart: 25 }, 25],
    ['Data Center: the last page', { isLastPage: true, nextPageStart: 25 }, undefined],
    ['Data Center: no nextPageStart', { isLastPage: false, nextPageStart: null }, undefined],
    ['Data Center: no isLastPage at all', { nextPageStart: 25 }, undefined],
  ] as const)('%s', (_n, page, next) => {
    expect(dataCenterNext(page)).toBe(next);
  });

  it.each([
    ['Jira Cloud: total says more', { startAt: 0, total: 56 }, 50, 50],
    ['Jira Cloud: total reached', { startAt: 50, total: 56 }, 6, undefined],
    ['Jira Data Center: isLast false', { startAt: 50, isLast: false }, 50, 100],
    ['Jira Data Center: isLast true wins over total', { startAt: 0, total: 500, isLast: true }, 50, undefined],
    ['an empty page ends the list (a server that lies about total)', { startAt: 50, total: 500 }, 0, undefined],
    ['no total and no isLast: one page', { startAt: 0 }, 50, undefined],
  ] as const)('%s', (_n, page, count, next) => {
    expect(startAtNext(page, count)).toBe(next);
  });
});
