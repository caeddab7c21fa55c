import type { ServerResponse } from 'node:http';

/**
 * Set on every response, API or file, success or refusal: the same page policy as app://
 * (pageSecurityHeaders of the built page's inline stylesheet hashes). No CORS header is ever sent.
 */
export const setSecurityHeaders = (res: ServerResponse, headers: Readonly<Record<string, string>>): void => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
};
