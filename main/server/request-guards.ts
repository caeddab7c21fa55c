import { createHash, timingSafeEqual } from 'node:crypto';

// Pure checks on request headers, so each rule is tested on its own as well as through the server.

/** Host must name this server exactly: a rebinding page's requests carry its own host name. */
export const hostAllowed = (host: string | undefined, port: number): boolean =>
  host === `127.0.0.1:${port}` || host === `localhost:${port}`;

/** Origin, when sent, must be this server's own; `null` (sandboxed frames, file://) is refused too. */
export const originAllowed = (origin: string | undefined, port: number): boolean =>
  origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

/**
 * Sec-Fetch-Site, when the browser sends it, must say the request came from this server's own
 * pages: an EventSource a foreign page opens says `cross-site` (or `same-site` from another port).
 */
export const fetchSiteAllowed = (site: string | undefined): boolean => site === undefined || site === 'same-origin';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Where `presented` is in `secrets` (-1 when nowhere), in constant time: both sides are hashed
 * first so the comparison leaks neither a prefix nor the length, and every secret is compared
 * every time. An empty string matches nothing.
 */
export const secretIndex = (presented: string, secrets: readonly string[]): number => {
  const mine = digest(presented);
  let index = -1;
  secrets.forEach((secret, i) => {
    if (timingSafeEqual(mine, digest(secret))) index = i;
  });
  return presented.length > 0 ? index : -1;
};

/**
 * The values of every cookie called `name` in a `Cookie` header (a browser may send two of the
 * same name with different paths). Malformed pairs are skipped; values are taken as they are.
 */
export const cookieValues = (header: string | undefined, name: string): string[] =>
  (header ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));

/** `application/json`, optionally with parameters (charset); a missing header is accepted. */
export const jsonContentType = (contentType: string | undefined): boolean =>
  contentType === undefined || /^application\/json\s*(;.*)?$/i.test(contentType.trim());
