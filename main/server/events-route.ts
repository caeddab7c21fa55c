import type { IncomingMessage, ServerResponse } from 'node:http';
import { fetchSiteAllowed } from './request-guards';
import type { ProgressHub } from './progress-hub';
import { refuse } from './respond';
import { sessionOrRefuse } from './session-gate-route';
import type { SessionGate } from './session-gate';

/** A comment line every so often keeps an idle stream open through anything that times out silence. */
export const HEARTBEAT_MS = 15_000;

export interface EventsRouteContext {
  readonly gate: SessionGate;
  readonly hub: ProgressHub;
  readonly port: number;
  readonly heartbeatMs?: number;
}

/**
 * `GET /api/events`: the session's progress events as server-sent events (`event: progress`, one
 * JSON ProgressEvent per `data:` line). Behind the same guards as the API (Host and Origin checked
 * before this runs, then the session cookie) and Sec-Fetch-Site: only this server's own pages
 * may open it. A stream hears the calls of its own session only; it ends when the server stops.
 */
export const handleEvents = (req: IncomingMessage, res: ServerResponse, ctx: EventsRouteContext): void => {
  if (req.method !== 'GET') {
    refuse(res, 405, 'REQUEST_INVALID', 'The event stream is opened with GET.', { Allow: 'GET' });
    return;
  }
  const header = req.headers['sec-fetch-site'];
  if (!fetchSiteAllowed(Array.isArray(header) ? header[0] : header)) {
    refuse(res, 403, 'REQUEST_FORBIDDEN', 'The event stream is open to this server’s own pages only.');
    return;
  }
  const owner = sessionOrRefuse(req, res, ctx.gate, ctx.port);
  if (owner === null) return;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.flushHeaders();
  res.write(': progress events of this session\n\n');
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), ctx.heartbeatMs ?? HEARTBEAT_MS);
  const unsubscribe = ctx.hub.subscribe(owner, {
    send: (event) => res.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`),
    close: () => res.end(),
  });
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};
