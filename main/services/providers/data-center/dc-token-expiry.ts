import { z } from 'zod';

// When a Data Center HTTP access token expires, read from the access-tokens REST API where it can
// be: `GET /rest/access-tokens/1.0/users/{userSlug}/{tokenId}` ("Get HTTP token by ID", in
// Atlassian's published Bitbucket Data Center OpenAPI, as coderabbitai/bitbucket
// src/server/openapi/openapi-typescript.ts carries it) answers a RestAccessToken: `id` (a
// 12-digit string), `createdDate` (epoch milliseconds), `name`, `permissions`, `user`
// (https://confluence.atlassian.com/bitbucketserverkb/how-to-renew-personal-access-tokens-via-rest-api-s-in-bitbucket-server-1044088271.html)
// and, for a token that expires, `expiryDays` counted from its creation (eclipse-che/che-server
// BitbucketPersonalAccessToken reads `expiryDays` and `lastAuthenticated` the same way). No
// `expiryDays`: the token does not expire.
//
// Where it cannot be read, nothing is guessed and the admin is asked when storing the token:
// - the token's id is only known when the token reads as `[BBDC-]base64("<id>:<secret>")`, the
//   form personal tokens take; any other form is not taken apart;
// - the user slug is taken from X-AUSERNAME only when it is already one (letters, digits, . _ -);
// - project and repository tokens belong to no user: the API refuses them (401), as it refuses
//   a user reading another user's tokens.

const TOKEN_PREFIX = 'BBDC-';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The id a personal HTTP access token carries, or undefined when it does not read as `<id>:<secret>`. */
export const accessTokenIdOf = (token: string): string | undefined => {
  const body = token.startsWith(TOKEN_PREFIX) ? token.slice(TOKEN_PREFIX.length) : token;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  const m = /^(\d{6,20}):./s.exec(Buffer.from(body, 'base64').toString('latin1'));
  return m?.[1];
};

/** A user slug as Bitbucket writes them, or undefined: a user name with other characters is not guessed at. */
export const userSlugOf = (username: string): string | undefined => (/^[A-Za-z0-9._-]{1,255}$/.test(username) ? username : undefined);

export const DcAccessToken = z.looseObject({
  id: z.string(),
  createdDate: z.number().int().min(0),
  expiryDays: z.number().int().min(1).max(100_000).optional(),
});
export type DcAccessToken = z.infer<typeof DcAccessToken>;

/** The day the token stops working (YYYY-MM-DD), or null when it does not expire. */
export const expiryDayOf = (t: DcAccessToken): string | null =>
  t.expiryDays === undefined ? null : new Date(t.createdDate + t.expiryDays * DAY_MS).toISOString().slice(0, 10);

export const accessTokenPath = (slug: string, id: string): string => `/rest/access-tokens/1.0/users/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`;
