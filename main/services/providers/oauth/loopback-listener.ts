import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The one-shot redirect listener of the OAuth authorization-code flow: 127.0.0.1 only, one path,
// the first answer with the right `state` wins and the server closes. A wrong state is refused and
// ends the flow (it is not ours); the user closing the browser ends it by timeout.

export type CallbackOutcome =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly reason: 'state_mismatch' | 'denied' | 'timeout' | 'no_code'; readonly detail: string };

export interface LoopbackListener {
  readonly redirectUri: string;
  readonly outcome: Promise<CallbackOutcome>;
  close(): Promise<void>;
}

const page = (title: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><p>${title}</p><p>You can close this window and return to Bitbucket Target Setup.</p>`;

export const startLoopbackListener = async (options: { readonly expectedState: string; readonly timeoutMs: number; readonly port?: number }): Promise<LoopbackListener> => {
  let settle: (o: CallbackOutcome) => void = () => undefined;
  const outcome = new Promise<CallbackOutcome>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const finish = (o: CallbackOutcome): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    settle(o);
    void close();
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback' || done) {
      res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' }).end('Not found');
      return;
    }
    const send = (status: number, title: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' }).end(page(title));
    const state = url.searchParams.get('state');
    if (state !== options.expectedState) {
      send(400, 'Sign-in refused: the answer did not belong to this sign-in.');
      finish({ ok: false, reason: 'state_mismatch', detail: 'The OAuth answer carried a state that does not match this sign-in.' });
      return;
    }
    const error = url.searchParams.get('error');
    if (error !== null) {
      send(200, 'Sign-in cancelled.');
      finish({ ok: false, reason: 'denied', detail: `The provider answered "${error.slice(0, 60)}".` });
      return;
    }
    const code = url.searchParams.get('code');
    if (code === null || code === '') {
      send(400, 'Sign-in incomplete.');
      finish({ ok: false, reason: 'no_code', detail: 'The OAuth answer carried no authorization code.' });
      return;
    }
    send(200, 'Signed in.');
    finish({ ok: true, code });
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise((resolve) => {
      server.closeIdleConnections();
      server.close(() => resolve());
    }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const timer = setTimeout(
    () => finish({ ok: false, reason: 'timeout', detail: 'No answer arrived from the browser in time (was the window closed?).' }),
    options.timeoutMs,
  );
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    outcome,
    close: async () => {
      finish({ ok: false, reason: 'timeout', detail: 'The sign-in was cancelled.' });
      await close();
    },
  };
};
