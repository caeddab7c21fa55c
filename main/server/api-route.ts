import type { IncomingMessage, ServerResponse } from 'node:http';
import { CALL_ID_HEADER, METHOD_NAMES, routeFor, type MethodName } from '../../shared/contract/method-names';
import { CALL_ID_RULE, CallOptionsSchema } from '../../shared/contract/progress';
import type { Api } from '../api';
import { readBody } from './read-body';
import { jsonContentType } from './request-guards';
import { refuse, sendJson } from './respond';
import { sessionOrRefuse } from './session-gate-route';
import type { SessionGate } from './session-gate';
import type { ProgressHub } from './progress-hub';

export const API_PREFIX = '/api/';

/** Route → method, derived from the contract's names (never typed by hand). */
const ROUTES: ReadonlyMap<string, MethodName> = new Map(METHOD_NAMES.map((name) => [routeFor(name), name]));

export interface ApiRouteContext {
  readonly api: Pick<Api, 'call'>;
  readonly gate: SessionGate;
  readonly port: number;
  readonly hub: ProgressHub;
}

/**
 * `POST /api/<method>`: the session cookie is checked before anything else is looked at, the body is
 * capped and parsed as JSON, and the payload goes through the same dispatch as IPC and the CLI.
 * Expected failures from handlers answer 200 with `{ ok: false }`; only bugs answer 500.
 */
export const handleApi = async (req: IncomingMessage, res: ServerResponse, pathname: string, ctx: ApiRouteContext): Promise<void> => {
  if (req.method !== 'POST') {
    refuse(res, 405, 'REQUEST_INVALID', 'API methods are called with POST.', { Allow: 'POST' });
    return;
  }
  const owner = sessionOrRefuse(req, res, ctx.gate, ctx.port);
  if (owner === null) return;
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
  const header = req.headers[CALL_ID_HEADER];
  const options = CallOptionsSchema.safeParse(header === undefined ? {} : { call_id: header });
  if (!options.success) {
    refuse(res, 400, 'REQUEST_INVALID', `The ${CALL_ID_HEADER} header must be ${CALL_ID_RULE}.`);
    return;
  }
  const { call_id } = options.data;
  // The session is the caller: its event streams hear the call, and only it may cancel the call.
  const result = await ctx.api.call(name, payload, { owner, progress: (event) => ctx.hub.publish(owner, event), ...(call_id === undefined ? {} : { call_id }) });
  sendJson(res, !result.ok && result.error.code === 'INTERNAL_ERROR' ? 500 : 200, result);
};
