import type { IncomingMessage, ServerResponse } from 'node:http';
import { METHOD_NAMES, routeFor, type MethodName } from '../../shared/contract/method-names';
import type { Api } from '../api';
import { readBody } from './read-body';
import { bearerMatches, jsonContentType } from './request-guards';
import { refuse, sendJson } from './respond';

export const API_PREFIX = '/api/';

/** Route → method, derived from the contract's names (never typed by hand). */
const ROUTES: ReadonlyMap<string, MethodName> = new Map(METHOD_NAMES.map((name) => [routeFor(name), name]));

export interface ApiRouteContext {
  readonly api: Pick<Api, 'call'>;
  readonly token: string;
}

/**
 * `POST /api/<method>`: the token is checked before anything else is looked at, the body is
 * capped and parsed as JSON, and the payload goes through the same dispatch as IPC and the CLI.
 * Expected failures from handlers answer 200 with `{ ok: false }`; only bugs answer 500.
 */
export const handleApi = async (req: IncomingMessage, res: ServerResponse, pathname: string, ctx: ApiRouteContext): Promise<void> => {
  if (req.method !== 'POST') {
    refuse(res, 405, 'REQUEST_INVALID', 'API methods are called with POST.', { Allow: 'POST' });
    return;
  }
  if (!bearerMatches(req.headers.authorization, ctx.token)) {
    refuse(res, 401, 'BROWSER_SESSION_INVALID', 'Missing or wrong launch token: open the URL printed by `serve` for this launch.', {
      'WWW-Authenticate': 'Bearer',
    });
    return;
  }
  const name = ROUTES.get(pathname);
  if (name === undefined) {
    refuse(res, 404, 'METHOD_UNKNOWN', `No method at ${JSON.stringify(pathname.slice(0, 120))}.`);
    return;
  }
  if (!jsonContentType(req.headers['content-type'])) {
    refuse(res, 415, 'REQUEST_INVALID', 'Send the request body as application/json.');
    return;
  }
  const body = await readBody(req);
  if (!body.ok) {
    if (body.reason === 'too_large') refuse(res, 413, 'REQUEST_INVALID', 'The request body is larger than 1 MiB.');
    else res.destroy();
    return;
  }
  let payload: unknown;
  if (body.text.trim() !== '') {
    try {
      payload = JSON.parse(body.text);
    } catch {
      refuse(res, 400, 'REQUEST_INVALID', 'The request body is not valid JSON.');
      return;
    }
  }
  const result = await ctx.api.call(name, payload);
  sendJson(res, !result.ok && result.error.code === 'INTERNAL_ERROR' ? 500 : 200, result);
};
