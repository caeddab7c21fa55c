import { createHash, timingSafeEqual } from 'node:crypto';

// Pure checks on request headers, so each rule is tested on its own as well as through the server.

/** Host must name this server exactly: a rebinding page's requests carry its own host name. */
export const hostAllowed = (host: string | undefined, port: number): boolean =>
  host === `127.0.0.1:${port}` || host === `localhost:${port}`;

/** Origin, when sent, must be this server's own; `null` (sandboxed frames, file://) is refused too. */
export const originAllowed = (origin: string | undefined, port: number): boolean =>
  origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * `Authorization: Bearer <token>` compared in constant time. Both sides are hashed first so the
 * comparison does not even leak the token's length.
 */
export const bearerMatches = (authorization: string | undefined, token: string): boolean => {
  const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  const presented = match?.[1] ?? '';
  const same = timingSafeEqual(digest(presented), digest(token));
  return same && presented.length > 0;
};

/** `application/json`, optionally with parameters (charset); a missing header is accepted. */
export const jsonContentType = (contentType: string | undefined): boolean =>
  contentType === undefined || /^application\/json\s*(;.*)?$/i.test(contentType.trim());
