import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieValues } from './request-guards';
import { refuse } from './respond';
import { sessionCookieName, type SessionGate } from './session-gate';

/**
 * The session a request's cookie names, or null after answering 401: the first check of every
 * route that acts for a session (the API methods, the progress event stream).
 */
export const sessionOrRefuse = (req: IncomingMessage, res: ServerResponse, gate: SessionGate, port: number): string | null => {
  const owner = gate.sessionOf(cookieValues(req.headers.cookie, sessionCookieName(port)));
  if (owner === null) refuse(res, 401, 'BROWSER_SESSION_INVALID', 'No session of this launch: open the one-time link `serve` printed, or start it again.');
  return owner;
};
