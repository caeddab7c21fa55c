import type { ServerResponse } from 'node:http';

/** The page may load only its own files and talk only to its own origin; no inline script. */
export const BROWSER_MODE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Set on every response, API or file, success or refusal. No CORS header is ever sent. */
export const setSecurityHeaders = (res: ServerResponse): void => {
  res.setHeader('Content-Security-Policy', BROWSER_MODE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
};
