import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { appResponseHeaders } from './csp';

// Serves the built renderer (out/renderer) on app://bundle/ with the CSP as a response header.
// Only GET, only that host, only known file types inside the root: a `..` or an encoded `..` cannot
// climb out, and anything else is a plain 404.

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request maps to, or null when it is not one of ours. Pure, for the tests. */
export const resolveBundlePath = (url: string, root: string): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  if (!file.startsWith(base + sep)) return null;
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  return type === undefined ? null : file;
};

const notFound = (status: number): Response =>
  new Response('Not found', { status, headers: appResponseHeaders('text/plain; charset=utf-8') });

export type FileReader = (path: string) => Promise<Uint8Array>;

/** The handler given to `protocol.handle(APP_SCHEME, …)`. */
export const createAppProtocolHandler =
  (root: string, read: FileReader = readFile) =>
  async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return notFound(405);
    const file = resolveBundlePath(request.url, root);
    if (file === null) return notFound(404);
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return notFound(404);
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: appResponseHeaders(type) });
  };
