import { Socket } from 'node:net';
import { errors, type buildConnector } from 'undici';
import type { StageTracker } from '../progress/call-progress';

// An undici connector under a native connect timer and the caller's cancel. undici runs its own
// connect timer on a ~1 s clock (fast timers), so a 300 ms limit fired after about a second; and
// it does not hand a request's abort signal to the connector, so a cancelled call used to leave a
// connecting socket (a silent TLS handshake) open until the limit. Here the limit answers when it
// is reached, and the signal destroys the connecting socket at once. The pinned connection of a
// customer host (pinned-connector.ts) and Bitbucket Cloud's per-call connection
// (fixed-origin-dispatcher.ts) both connect through it.

export interface WatchOptions {
  readonly connectMs: number;
  /** The caller's cancel (or the exchange's deadline): the connecting socket is destroyed at once. */
  readonly signal?: AbortSignal;
  /** The TCP connection stands (the TLS handshake starts now). */
  readonly onTcpConnected?: () => void;
  /** Judges the connected socket before undici gets it (the pin); an error destroys it. */
  readonly accept?: (socket: Socket) => Error | null;
}

export const watchedConnector = (base: buildConnector.connector, o: WatchOptions): buildConnector.connector => {
  return (options, callback) => {
    let settled = false;
    let connecting: Socket | null = null;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A server that accepted and then went silent (during TLS or before) gets its connection closed now.
      connecting?.destroy();
      callback(new errors.RequestAbortedError('The connection was abandoned: the call was cancelled or ran out of time.'), null);
    };
    const timer = setTimeout(() => {
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      // The abandoned attempt is destroyed when it settles (or by undici's own timer).
      const where = `${options.hostname}:${options.port || '443'}`;
      callback(new errors.ConnectTimeoutError(`Connect Timeout Error (attempted address: ${where}, timeout: ${o.connectMs}ms)`), null);
    }, o.connectMs);
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const connected = (err: Error | null, socket: Socket | null): void => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      if (settled) {
        socket?.destroy();
        return;
      }
      settled = true;
      if (err !== null || socket === null) {
        callback(err ?? new Error('the connector answered no socket'), null);
        return;
      }
      const refused = o.accept?.(socket) ?? null;
      if (refused !== null) {
        socket.destroy();
        callback(refused, null);
        return;
      }
      callback(null, socket);
    };
    // undici's connector answers the socket it opened (its type says void): kept to see the TCP
    // connection stand, and to close it on cancel. Without it the stages are only less detailed.
    const opened: unknown = Reflect.apply(base, undefined, [options, connected]);
    if (opened instanceof Socket) {
      connecting = opened;
      opened.once('connect', () => o.onTcpConnected?.());
    }
    if (o.signal?.aborted === true) onAbort();
  };
};

/** A connector whose connected socket starts the HTTP stage: the request goes out now, the answer is awaited. */
export const readyStartsHttp = (connect: buildConnector.connector, stages: StageTracker | undefined, headersMs: number): buildConnector.connector =>
  stages === undefined
    ? connect
    : (options, callback) =>
        connect(options, (...args) => {
          if (args[0] === null) stages.enter('http', headersMs);
          callback(...args);
        });
