import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api } from '../api';
import { API_PREFIX, handleApi } from './api-route';
import { EVENTS_ROUTE } from '../../shared/contract/method-names';
import { handleEvents } from './events-route';
import { createProgressHub, type ProgressHub } from './progress-hub';
import { handleLaunch, LAUNCH_PATH } from './launch-route';
import { hostAllowed, originAllowed } from './request-guards';
import { refuse } from './respond';
import { setSecurityHeaders } from './security-headers';
import { builtPageStyleHashes } from '../services/static-files/inline-style-hashes';
import { pageSecurityHeaders } from '../services/static-files/page-policy';
import { createSessionGate, sessionCookieName, type SessionGate, type SessionGateOptions } from './session-gate';
import { resolveStaticPath } from '../services/static-files/resolve-static-path';
import { sendFile } from './static-files';

export const LOOPBACK_HOST = '127.0.0.1';

export interface BrowserServerOptions {
  readonly api: Pick<Api, 'call'>;
  /** The built renderer (out/renderer). */
  readonly staticDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Only 127.0.0.1 is accepted; the option exists so a caller's mistake fails loudly. */
  readonly host?: string;
  /** How long an unredeemed launch code lives, and the clock (tests). */
  readonly session?: SessionGateOptions;
  /** How often an idle event stream gets a heartbeat comment (tests shorten it). */
  readonly eventsHeartbeatMs?: number;
}

export interface BrowserServer {
  readonly origin: string;
  readonly port: number;
  /** The session cookie's name for this port. */
  readonly cookieName: string;
  /**
   * A new one-time launch link, `http://127.0.0.1:PORT/launch?code=HEX`: opened once, it sets the
   * session cookie and redirects to the app; then (or after the code's lifetime) it is dead.
   * `onRedeemed` runs when it is used.
   */
  launchUrl(onRedeemed?: () => void): string;
  close(): Promise<void>;
}

interface Context {
  readonly api: Pick<Api, 'call'>;
  readonly staticDir: string;
  readonly gate: SessionGate;
  readonly port: () => number;
  readonly hub: ProgressHub;
  readonly heartbeatMs?: number;
  /** The page policy headers, with the built page's inline stylesheet hash. */
  readonly headers: Readonly<Record<string, string>>;
}

const handle = async (req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> => {
  setSecurityHeaders(res, ctx.headers);
  const port = ctx.port();
  if (!hostAllowed(req.headers.host, port)) {
    refuse(res, 403, 'REQUEST_FORBIDDEN', 'This server answers only to 127.0.0.1 or localhost on its own port.');
    return;
  }
  if (!originAllowed(req.headers.origin, port)) {
    refuse(res, 403, 'REQUEST_FORBIDDEN', 'Requests from other web origins are refused.');
    return;
  }
  const target = req.url ?? '';
  if (!target.startsWith('/')) {
    refuse(res, 400, 'REQUEST_INVALID', 'Bad request target.');
    return;
  }
  const url = new URL(target, `http://${LOOPBACK_HOST}`);
  const pathname = url.pathname;
  if (pathname === EVENTS_ROUTE) {
    handleEvents(req, res, { gate: ctx.gate, hub: ctx.hub, port, ...(ctx.heartbeatMs === undefined ? {} : { heartbeatMs: ctx.heartbeatMs }) });
    return;
  }
  if (pathname.startsWith(API_PREFIX) || pathname === '/api') {
    await handleApi(req, res, pathname, { api: ctx.api, gate: ctx.gate, port, hub: ctx.hub });
    return;
  }
  if (pathname === LAUNCH_PATH) {
    handleLaunch(req, res, url, { gate: ctx.gate, port });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    refuse(res, 405, 'REQUEST_INVALID', 'Files are served with GET.', { Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveStaticPath(ctx.staticDir, pathname);
  if (file === null) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found\n');
    return;
  }
  sendFile(res, file, req.method);
};

/**
 * Browser mode: the built UI and the contract on a loopback-only HTTP server. Every API call needs
 * a session cookie, which only a one-time launch code can buy (session-gate.ts); Host and Origin
 * allowlists stop DNS rebinding and cross-site calls; no CORS headers are ever sent, so no other
 * origin can read an answer.
 */
export const startBrowserServer = async ({ api, staticDir, port = 0, host = LOOPBACK_HOST, session, eventsHeartbeatMs }: BrowserServerOptions): Promise<BrowserServer> => {
  if (host !== LOOPBACK_HOST) throw new Error(`Browser mode listens on ${LOOPBACK_HOST} only (asked for ${host}).`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port ${port}.`);
  const gate = createSessionGate(session);
  let boundPort = -1;
  const hub = createProgressHub();
  const headers = pageSecurityHeaders(builtPageStyleHashes(staticDir));
  const ctx: Context = { api, staticDir, gate, port: () => boundPort, hub, headers, ...(eventsHeartbeatMs === undefined ? {} : { heartbeatMs: eventsHeartbeatMs }) };
  const server = createServer((req, res) => {
    handle(req, res, ctx).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'INTERNAL_ERROR', 'The request failed unexpectedly.');
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK_HOST, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  boundPort = address.port;
  const origin = `http://${LOOPBACK_HOST}:${boundPort}`;
  return {
    origin,
    port: boundPort,
    cookieName: sessionCookieName(boundPort),
    launchUrl: (onRedeemed) => `${origin}${LAUNCH_PATH}?code=${gate.issueCode(onRedeemed)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The event streams end first (a clean end of stream), then every connection goes.
        hub.closeAll();
        server.closeAllConnections();
      }),
  };
};
