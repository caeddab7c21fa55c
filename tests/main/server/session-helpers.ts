import type { BrowserServer } from '../../../main/server/browser-server';
import { rawRequest, type RawResponse } from './http-helpers';

/** The path and query of a launch link, as a browser would request them. */
export const pathOf = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** GET a launch link (or any path) on the server, with the browser's Host header. */
export const openLink = (server: Pick<BrowserServer, 'port'>, url: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
  rawRequest({ port: server.port, path: url.startsWith('http') ? pathOf(url) : url, headers: { Host: `127.0.0.1:${server.port}`, ...headers } });

/** The one Set-Cookie header of a response, or null. */
export const setCookieOf = (r: RawResponse): string | null => {
  const value = r.headers['set-cookie'];
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length !== 1) throw new Error(`expected one Set-Cookie, got ${value.length}`);
    return value[0] ?? null;
  }
  return value;
};

/** Redeems a launch link the way the browser does: the `Cookie` header value it earned, or null when refused. */
export const redeemLink = async (server: Pick<BrowserServer, 'port'>, link: string): Promise<string | null> => {
  const r = await openLink(server, link);
  const cookie = setCookieOf(r);
  return r.status === 303 && cookie !== null ? (cookie.split(';')[0] ?? null) : null;
};

/** A session on `server`, through a fresh launch link. */
export const openSession = async (server: BrowserServer): Promise<string> => {
  const cookie = await redeemLink(server, server.launchUrl());
  if (cookie === null) throw new Error('a fresh launch link was refused');
  return cookie;
};
