import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { staticFileHeaders } from '../services/static-files/content-types';
import type { StaticFile } from '../services/static-files/resolve-static-path';

/**
 * Streams a file resolveStaticPath chose (the one traversal rule, shared with app://). The page
 * policy headers are already set on every response by setSecurityHeaders.
 */
export const sendFile = (res: ServerResponse, file: StaticFile, method: string): void => {
  res.statusCode = 200;
  for (const [name, value] of Object.entries(staticFileHeaders(file.path, file.contentType))) res.setHeader(name, value);
  if (method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.once('error', () => res.destroy());
  stream.pipe(res);
};
