import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fail, ok, type Result } from '../../../../shared/contract/define';
import type { OAuthCallback } from '../../../../shared/domain/oauth-callback';

// The redirect listener of the OAuth authorization-code flow, on exactly the callback URL
// registered on the consumer: its host (127.0.0.1; localhost is also listened for on ::1, where a
// browser may resolve it), its port and its path. Anyone on this machine can send it a request, so
// only the answer that carries this sign-in's `state`, on the registered Host, settles the flow:
// a wrong Host, path or state is refused, reported to `onIgnored` (facts only: never the code,
// the state or what the sender wrote) and the listener keeps waiting until the right one arrives
// or the timeout. The user closing the browser ends it by timeout.

export type CallbackOutcome =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly reason: 'denied' | 'timeout' | 'no_code'; readonly detail: string };

/** What a refused request was; nothing it carried. */
export type IgnoredRequest = { readonly reason: 'wrong_host' | 'wrong_path' | 'wrong_method' | 'state_mismatch' };

export interface LoopbackListener {
  readonly redirectUri: string;
  readonly outcome: Promise<CallbackOutcome>;
  close(): Promise<void>;
}

export interface ListenerOptions {
  readonly callback: OAuthCallback;
  readonly expectedState: string;
  readonly timeoutMs: number;
  readonly onIgnored?: (request: IgnoredRequest) => void;
}

const page = (title: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><p>${title}</p><p>You can close this window and return to Bitbucket Target Setup.</p>`;

const listen = (server: Server, port: number, address: string): Promise<NodeJS.ErrnoException | null> =>
  new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => resolve(e);
    server.once('error', onError);
    server.listen({ port, host: address, exclusive: true }, () => {
      server.off('error', onError);
      resolve(null);
    });
  });

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.closeIdleConnections();
    server.close(() => resolve());
  });

export const startLoopbackListener = async (o: ListenerOptions): Promise<Result<LoopbackListener>> => {
  const { host, port, path, url } = o.callback;
  const expectedHost = `${host}:${port}`;
  let settle: (outcome: CallbackOutcome) => void = () => undefined;
  const outcome = new Promise<CallbackOutcome>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const timer: { handle?: NodeJS.Timeout } = {};
  const servers: Server[] = [];
  const closeAll = async (): Promise<void> => {
    await Promise.all(servers.map(closeServer));
  };
  const finish = (result: CallbackOutcome): void => {
    if (done) return;
    done = true;
    clearTimeout(timer.handle);
    settle(result);
    void closeAll();
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const send = (status: number, title: string): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' }).end(page(title));
    };
    const ignore = (reason: IgnoredRequest['reason'], status: number, title: string): void => {
      o.onIgnored?.({ reason });
      send(status, title);
    };
    if (done) return send(410, 'This sign-in is over.');
    // A page another site opens on this machine names its own host; a rebinding name is not ours.
    if ((req.headers.host ?? '').toLowerCase() !== expectedHost) return ignore('wrong_host', 421, 'Not the registered callback address.');
    if (req.method !== 'GET') return ignore('wrong_method', 405, 'Not found.');
    const at = new URL(req.url ?? '/', url);
    if (at.pathname !== path) return ignore('wrong_path', 404, 'Not found.');
    const state = at.searchParams.get('state');
    if (state !== o.expectedState) return ignore('state_mismatch', 400, 'Refused: this answer does not belong to the sign-in in progress.');
    const error = at.searchParams.get('error');
    if (error !== null) {
      send(200, 'Sign-in cancelled.');
      return finish({ ok: false, reason: 'denied', detail: `The provider answered "${error.replace(/[^\w.-]/g, '').slice(0, 60)}".` });
    }
    const code = at.searchParams.get('code');
    if (code === null || code === '') {
      send(400, 'Sign-in incomplete.');
      return finish({ ok: false, reason: 'no_code', detail: 'The OAuth answer carried no authorization code.' });
    }
    send(200, 'Signed in.');
    finish({ ok: true, code });
  };

  const busy = async (address: string, e: NodeJS.ErrnoException): Promise<Result<never>> => {
    await closeAll();
    return fail(
      'OAUTH_CALLBACK_PORT_BUSY',
      `Port ${port} on ${address} is in use by another program (${e.code ?? 'error'}), so the sign-in cannot receive Bitbucket's answer at ${url}. Close that program, or register another callback URL on the OAuth consumer and enter it here.`,
      { port, address, errno: e.code ?? 'unknown' },
    );
  };
  const primary = createServer(handle);
  const refused = await listen(primary, port, '127.0.0.1');
  if (refused !== null) return busy('127.0.0.1', refused);
  servers.push(primary);
  if (host === 'localhost') {
    // Browsers may resolve localhost to ::1 first: listen there too, and refuse to start when
    // another program holds it (it would receive the code). No IPv6 on this machine is fine.
    const v6 = createServer(handle);
    const refused6 = await listen(v6, port, '::1');
    if (refused6 === null) servers.push(v6);
    else if (refused6.code !== 'EADDRNOTAVAIL' && refused6.code !== 'EAFNOSUPPORT') return busy('::1', refused6);
  }
  timer.handle = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: 'No answer arrived from the browser in time (was the window closed?).' }), o.timeoutMs);
  return ok({
    redirectUri: url,
    outcome,
    close: async () => {
      finish({ ok: false, reason: 'timeout', detail: 'The sign-in was cancelled.' });
      await closeAll();
    },
  });
};
