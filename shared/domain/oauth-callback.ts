import { z } from 'zod';
import { HELP_LINKS } from './help-links';

// The callback URL registered on a Bitbucket Cloud OAuth consumer. Bitbucket sends the browser back
// only to the consumer's registered callback ("Invalid redirect_uri – This integration is
// misconfigured" otherwise), so the app cannot pick a random loopback port: the admin enters the
// URL they registered, the app listens exactly there and sends exactly it as `redirect_uri`.
// Only a plain-http loopback URL with an explicit port can be listened on by this app.

/** Atlassian's page on OAuth consumers (where the callback URL is registered), from the one list of help links. */
export const OAUTH_CONSUMER_HELP_URL = HELP_LINKS.oauthConsumer.url;

/** Why a callback URL was refused. */
export const OAuthCallbackRefusal = z.enum(['syntax', 'scheme', 'host', 'port', 'userinfo', 'query']);
export type OAuthCallbackRefusal = z.infer<typeof OAuthCallbackRefusal>;

export interface OAuthCallback {
  /** The normalised URL: what is stored, registered, listened on and sent as `redirect_uri`. */
  readonly url: string;
  readonly host: '127.0.0.1' | 'localhost';
  readonly port: number;
  readonly path: string;
}

export type OAuthCallbackParse = { readonly ok: true; readonly value: OAuthCallback } | { readonly ok: false; readonly reason: OAuthCallbackRefusal; readonly message: string };

const FORM = 'http://127.0.0.1:PORT/… or http://localhost:PORT/…';
const refuse = (reason: OAuthCallbackRefusal, why: string): OAuthCallbackParse => ({ ok: false, reason, message: `Callback URL refused (${reason}): ${why} Use ${FORM}.` });

/** The one reader of a callback URL; the target schema, the sign-in and the UI all use it. */
export const parseOAuthCallbackUrl = (text: string): OAuthCallbackParse => {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return refuse('syntax', 'it is not a URL.');
  }
  if (u.protocol !== 'http:') return refuse('scheme', 'the app receives the answer itself, on this machine, over plain http.');
  if (u.username !== '' || u.password !== '') return refuse('userinfo', 'it must not carry a user name or password.');
  if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') return refuse('host', 'only this machine (127.0.0.1 or localhost) can receive the answer.');
  // URL drops the default port 80; an explicit port is what the consumer registers and the app listens on.
  const port = Number(u.port);
  if (u.port === '' || !Number.isInteger(port) || port < 1024 || port > 65535) return refuse('port', 'it needs an explicit port from 1024 to 65535.');
  if (u.search !== '' || u.hash !== '') return refuse('query', 'Bitbucket adds the code and state to the query itself; leave out ? and #.');
  return { ok: true, value: { url: u.toString(), host: u.hostname === 'localhost' ? 'localhost' : '127.0.0.1', port, path: u.pathname } };
};

/** The stored form: a callback URL the parser accepts, kept normalised. */
export const OAuthCallbackUrl = z
  .string()
  .max(2048)
  .transform((text, ctx) => {
    const parsed = parseOAuthCallbackUrl(text);
    if (parsed.ok) return parsed.value.url;
    ctx.addIssue({ code: 'custom', message: parsed.message, params: { reason: parsed.reason } });
    return z.NEVER;
  });
