import type { SimAnswer, SimRequest } from './https-sim';

// Paging as Bitbucket Data Center pages a list (https://docs.atlassian.com/bitbucket-server/rest/latest/bitbucket-rest.html,
// "Paging params"): `limit` and `start` ask, the page answers `size`, `limit`, `start`, `isLastPage`
// and `nextPageStart` while more remain. `limit` is a hint: the server caps it at its own maximum
// (the `page.max.*` settings; Atlassian's KB "How to apply the limit filter in Bitbucket Server and
// Datacenter REST API" — https://support.atlassian.com/bitbucket-data-center/kb/how-to-apply-the-limit-filter-in-bitbucket-server-and-datacenter-rest-api-and-query-more-than-the-max-limit-of-1000-results)
// and answers the limit it applied; it does not refuse a larger ask (the Bitbucket Java API's
// PageRequest.buildRestrictedPageRequest(maxLimit): "a copy of this pageRequest with the minimum of
// limit and maxLimit", https://docs.atlassian.com/bitbucket-server/javadoc/9.3.0/api/com/atlassian/bitbucket/util/PageRequest.html;
// the OpenAPI document names no largest limit: "If not passed, a page size of 25 is used").

/** Data Center's default page size when no limit is asked (the KB above: "By default … returns 25 results"). */
export const DC_DEFAULT_LIMIT = 25;
/** The cap the KB above names ("the max limit of 1000 results"). */
export const DC_MAX_LIMIT = 1000;

/**
 * The page of `items` a request asks for, or 400 for paging parameters that are not non-negative
 * integers. `withoutNextPageStart`: a broken server's page, `isLastPage: false` and no
 * `nextPageStart` (BSERV-12725, https://jira.atlassian.com/browse/BSERV-12725: Bitbucket 6.10–7.9
 * answered /browse so), so a client cannot know where the rest starts.
 */
export const dcPage = <T>(req: SimRequest, items: readonly T[], maxLimit: number = DC_MAX_LIMIT, withoutNextPageStart = false): SimAnswer => {
  const asked = Number(req.query.get('limit') ?? DC_DEFAULT_LIMIT);
  const start = Number(req.query.get('start') ?? 0);
  if (!Number.isInteger(asked) || asked < 0 || !Number.isInteger(start) || start < 0) {
    return { status: 400, body: { errors: [{ message: 'Invalid paging parameters', exceptionName: 'com.atlassian.bitbucket.rest.BadRequestException' }] } };
  }
  const limit = Math.min(asked === 0 ? DC_DEFAULT_LIMIT : asked, maxLimit);
  const values = items.slice(start, start + limit);
  const isLastPage = start + values.length >= items.length;
  return { status: 200, body: { size: values.length, limit, start, isLastPage, values, ...(isLastPage || withoutNextPageStart ? {} : { nextPageStart: start + values.length }) } };
};
