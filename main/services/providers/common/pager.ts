import type { CallResult } from './provider-result';

// Every list the app reads is paged by the provider, and each provider pages its own way:
// - Bitbucket Cloud: `values` + `next` (an absolute URL) while more remain, `pagelen` ≤ 100
//   (renovate lib/util/http/bitbucket.ts follows `next`, MAX_PAGELEN 100).
// - Bitbucket Data Center: `values`, `isLastPage`, `nextPageStart`, asked with `limit`/`start`
//   (renovate lib/util/http/bitbucket-server.ts; https://docs.atlassian.com/bitbucket-server/rest/latest/bitbucket-rest.html, "Paging params").
// - Jira: `startAt`, `maxResults`, `total`, and on Data Center `isLast` (jira.js
//   src/version2/models/pageOfCreateMetaIssueTypes.ts; Jira DC REST 9 createmeta issue types).
// One reader follows them all, up to a page cap, and says when it stopped early.

/** The most pages one list is read to; past it the list is reported as truncated. */
export const DEFAULT_MAX_PAGES = 20;

export interface PageOf<T, C> {
  readonly items: readonly T[];
  /** Where the next page starts; undefined on the last page. */
  readonly next: C | undefined;
  /**
   * The provider says more remain but not where the next page starts (a Data Center page with
   * `isLastPage: false` and no `nextPageStart`, BSERV-12725): the list ends here, truncated.
   */
  readonly cut?: boolean;
}

export interface Paged<T> {
  readonly items: readonly T[];
  /** The page cap was hit: more items exist than were read. */
  readonly truncated: boolean;
  readonly pages: number;
}

/** Reads page after page from `first` until the provider says it was the last, or the cap. A failed page fails the list. */
export const readPages = async <T, C>(
  first: C,
  fetchPage: (cursor: C) => Promise<CallResult<PageOf<T, C>>>,
  maxPages: number = DEFAULT_MAX_PAGES,
): Promise<CallResult<Paged<T>>> => {
  const items: T[] = [];
  let page = await fetchPage(first);
  let pages = 1;
  for (;;) {
    if (!page.ok) return page;
    items.push(...page.value.items);
    const next = page.value.next;
    if (next === undefined) return { ok: true, value: { items, truncated: page.value.cut === true, pages }, response: page.response, evidence: page.evidence };
    if (pages >= maxPages) return { ok: true, value: { items, truncated: true, pages }, response: page.response, evidence: page.evidence };
    page = await fetchPage(next);
    pages += 1;
  }
};

/** Data Center: the next `start`, or undefined on the last page (or a page that names none). */
export const dataCenterNext = (page: { readonly isLastPage?: boolean; readonly nextPageStart?: number | null }): number | undefined =>
  page.isLastPage === false && typeof page.nextPageStart === 'number' ? page.nextPageStart : undefined;

/** Jira: the next `startAt` from startAt + what this page held; `isLast` wins over `total` when sent. */
export const startAtNext = (page: { readonly startAt?: number; readonly total?: number; readonly isLast?: boolean }, count: number): number | undefined => {
  if (count === 0 || page.isLast === true) return undefined;
  const next = (page.startAt ?? 0) + count;
  if (page.isLast === false) return next;
  return page.total !== undefined && next < page.total ? next : undefined;
};

/** "(list truncated at 2000 components)" when the cap was hit, else the empty string. */
export const truncationNote = (paged: Paged<unknown>, noun: string): string => (paged.truncated ? ` (list truncated at ${paged.items.length} ${noun})` : '');
