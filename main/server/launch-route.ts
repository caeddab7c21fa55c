import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../../shared/errors/catalog';
import { refuse } from './respond';
import { sessionCookieName, type SessionGate } from './session-gate';

/** `GET /launch?code=HEX`: where a launch link lands. */
export const LAUNCH_PATH = '/launch';

export interface LaunchRouteContext {
  readonly gate: SessionGate;
  readonly port: number;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A page for the person whose link did not work: no script, nothing from the request echoed. */
const refusedPage = (): string => {
  const entry = describeError('BROWSER_SESSION_INVALID');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>This launch link does not work</title></head><body>',
    `<h1>This launch link does not work <code>${entry.code}</code></h1>`,
    `<p>${escapeHtml(entry.meaning)}</p>`,
    `<p>${escapeHtml(entry.fix)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
};

/**
 * Exchanges a one-time launch code for a session cookie (HttpOnly: page scripts never see it;
 * SameSite=Strict: no other site's page or link sends it) and sends the browser on to the app, so
 * the spent code does not stay in the address bar. GET only: a navigation from the launch file
 * carries no Origin, and HEAD (link previews) must not spend a code.
 */
export const handleLaunch = (req: IncomingMessage, res: ServerResponse, url: URL, ctx: LaunchRouteContext): void => {
  if (req.method !== 'GET') {
    refuse(res, 405, 'REQUEST_INVALID', 'The launch link is opened with GET.', { Allow: 'GET' });
    return;
  }
  res.setHeader('Cache-Control', 'no-store');
  const session = ctx.gate.redeem(url.searchParams.get('code'));
  if (session === null) {
    const html = refusedPage();
    res.statusCode = 401;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(html));
    res.end(html);
    return;
  }
  res.statusCode = 303;
  res.setHeader('Set-Cookie', `${sessionCookieName(ctx.port)}=${session}; HttpOnly; SameSite=Strict; Path=/`);
  res.setHeader('Location', '/');
  res.end();
};
