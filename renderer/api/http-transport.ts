import type { Transport } from '../../shared/contract/client';
import { CALL_ID_HEADER, routeFor } from '../../shared/contract/method-names';
import { fail } from '../../shared/contract/result';

/** What a call answers when the loopback server cannot be reached at all. */
export const SERVER_STOPPED_MESSAGE = 'The local app server stopped — run it again (`npm start` or `bitbucket-target serve`).';

/**
 * Browser mode: one POST per call to the loopback server that served this page. The session is
 * the HttpOnly cookie the launch link set (same-origin credentials; the page never sees it), so a
 * reload keeps working. A request that gets no answer (the server was stopped) is the coded
 * APP_SERVER_STOPPED, not a bug; any answer's JSON body is returned whatever the status, since the
 * server answers every expected failure as a Result that the client parses against the contract.
 */
export const createHttpTransport = (fetchImpl: typeof fetch = fetch): Transport => {
  return async (name, input, options) => {
    let response: Response;
    try {
      response = await fetchImpl(routeFor(name), {
        method: 'POST',
        // A named call (its progress on GET /api/events, its Cancel) carries its id in a header.
        headers: { 'content-type': 'application/json', ...(options?.call_id === undefined ? {} : { [CALL_ID_HEADER]: options.call_id }) },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return fail('APP_SERVER_STOPPED', SERVER_STOPPED_MESSAGE);
    }
    return (await response.json()) as unknown;
  };
};
