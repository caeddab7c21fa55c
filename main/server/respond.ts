import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/errors/codes';

/** A JSON body; API answers are never cached. */
export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
};

/**
 * A transport refusal as a Result. The connection is closed after it, so an unread (possibly huge)
 * request body is never drained on the server's time.
 */
export const refuse = (res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Connection', 'close');
  sendJson(res, status, { ok: false, error: { code, message } });
};
