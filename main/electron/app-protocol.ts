import { readFile } from 'node:fs/promises';
import { staticFileHeaders } from '../services/static-files/content-types';
import { PAGE_SECURITY_HEADERS } from '../services/static-files/page-policy';
import { resolveStaticPath } from '../services/static-files/resolve-static-path';
import { APP_HOST, APP_SCHEME } from './app-origin';

// Serves the built renderer (out/renderer) on app://bundle/ with the page policy (CSP and the
// other security headers) on every response. Only GET, only that host; which file a path may name
// is the one rule both page servers share (resolveStaticPath). Anything else is a plain 404.

const refusal = (status: 404 | 405): Response =>
  new Response(status === 405 ? 'Method not allowed' : 'Not found', {
    status,
    headers: { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** The handler given to `protocol.handle(APP_SCHEME, …)`. */
export const createAppProtocolHandler =
  (root: string) =>
  async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return refusal(405);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refusal(404);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404);
    const file = await resolveStaticPath(root, url.pathname);
    if (file === null) return refusal(404);
    let body: Uint8Array;
    try {
      body = await readFile(file.path);
    } catch {
      return refusal(404);
    }
    return new Response(new Uint8Array(body), { status: 200, headers: { ...PAGE_SECURITY_HEADERS, ...staticFileHeaders(file.path, file.contentType) } });
  };
