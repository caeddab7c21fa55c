import type { HttpClient, HttpRequest } from '../../net/http-client';
import { originOf } from '../../../../shared/domain/credential-binding';

// The last check before a credential leaves the process: a request that carries an Authorization
// header goes out only to an origin the credential was bound to. Anything else is refused unsent,
// whatever built the request (a changed base URL, a redirect target, a bug in a client).

const carriesCredential = (req: HttpRequest): boolean => Object.keys(req.headers ?? {}).some((h) => h.toLowerCase() === 'authorization');

/** `http`, but an authenticated request to any origin outside `origins` is refused without being sent. */
export const credentialGuard = (http: HttpClient, origins: ReadonlyArray<string | null>): HttpClient => {
  const allowed = new Set(origins.filter((o): o is string => o !== null));
  return async (req) => {
    if (!carriesCredential(req)) return http(req);
    const origin = originOf(req.url);
    if (origin !== null && allowed.has(origin)) return http(req);
    return {
      ok: false,
      reason: 'ownership',
      detail: `Not sent: the credential is bound to ${[...allowed].join(', ') || 'no origin'}, not ${origin ?? 'this URL'}.`,
      evidence: { addresses: [], redirects: [], via_proxy: false, timings_ms: {} },
    };
  };
};
