import type { ServerResponse } from 'node:http';
import { PAGE_SECURITY_HEADERS } from '../services/static-files/page-policy';

/** Set on every response, API or file, success or refusal: the same page policy as app://. No CORS header is ever sent. */
export const setSecurityHeaders = (res: ServerResponse): void => {
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) res.setHeader(name, value);
};
