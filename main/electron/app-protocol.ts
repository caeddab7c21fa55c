import { readFile } from 'node:fs/promises';
import { staticFileHeaders } from '../services/static-files/content-types';
import { builtPageStyleHashes } from '../services/static-files/inline-style-hashes';
import { pageSecurityHeaders } from '../services/static-files/page-policy';
import { resolveStaticPath } from '../services/static-files/resolve-static-path';
import { APP_HOST, APP_SCHEME } from './app-origin';

// Serves the built renderer (out/renderer) on app://bundle/ with the page policy (CSP and the
// other security headers) on every response. Only GET, only that host; which file a path may name
// is the one rule both page servers share (resolveStaticPath). Anything else is a plain 404.

const refusal = (status: 404 | 405, policy: Readonly<Record<string, string>>): Response =>
  new Response(status === 405 ? 'Method not allowed' : 'Not found', {
    status,
    headers: { ...policy, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** The handler given to `protocol.handle(APP_SCHEME, …)`; the built page's inline stylesheet hash is read once, here. */
export const createAppProtocolHandler = (root: string) => {
  const policy = pageSecurityHeaders(builtPageStyleHashes(root));
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return refusal(405, policy);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refusal(404, policy);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, policy);
    const file = await resolveStaticPath(root, url.pathname);
    if (file === null) return refusal(404, policy);
    let body: Uint8Array;
    try {
      body = await readFile(file.path);
    } catch {
      return refusal(404, policy);
    }
    return new Response(new Uint8Array(body), { status: 200, headers: { ...policy, ...staticFileHeaders(file.path, file.contentType) } });
  };
};
