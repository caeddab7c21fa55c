import { extname } from 'node:path';

// The file types the built renderer (out/renderer) is made of. A file of any other type is not
// ours and is not served, in either mode.

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a file we serve, or null when its type is not one of ours. */
export const contentTypeFor = (file: string): string | null => CONTENT_TYPES[extname(file).toLowerCase()] ?? null;

/** Headers of a served file: its type, and caching (built assets may be revalidated; the entry page never cached). */
export const staticFileHeaders = (file: string, type: string): Record<string, string> => ({
  'Content-Type': type,
  'Cache-Control': file.endsWith('.html') ? 'no-store' : 'no-cache',
});
