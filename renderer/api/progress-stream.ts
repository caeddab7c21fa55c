import { EVENTS_ROUTE } from '../../shared/contract/method-names';
import { ProgressEvent } from '../../shared/contract/progress';
import { findBridge } from './bridge-transport';
import type { ProgressSubscription } from './progress-source';

/** How long a call waits for the event stream to open before it starts anyway (its progress may then begin late). */
const OPEN_WAIT_MS = 2_000;

/**
 * The page's progress events, each parsed with the contract's ProgressEvent schema: the preload's
 * `onProgress` in the desktop app, else browser mode's `GET /api/events` (same origin, the session
 * cookie). A lazy chunk, loaded by the first long call.
 */
export const openProgressStream = (scope: object, listener: (event: ProgressEvent) => void): ProgressSubscription => {
  const deliver = (raw: unknown): void => {
    const parsed = ProgressEvent.safeParse(raw);
    if (parsed.success) listener(parsed.data);
  };
  const bridge = findBridge(scope);
  if (bridge !== null) {
    const stop = typeof bridge.onProgress === 'function' ? bridge.onProgress(deliver) : () => undefined;
    return { ready: Promise.resolve(), stop };
  }
  if (typeof EventSource === 'undefined') return { ready: Promise.resolve(), stop: () => undefined };
  const stream = new EventSource(EVENTS_ROUTE, { withCredentials: true });
  stream.addEventListener('progress', (message) => {
    try {
      deliver(JSON.parse(String((message as MessageEvent).data)));
    } catch {
      // Not JSON: not an event of ours.
    }
  });
  const ready = new Promise<void>((resolve) => {
    stream.addEventListener('open', () => resolve(), { once: true });
    setTimeout(resolve, OPEN_WAIT_MS);
  });
  return { ready, stop: () => stream.close() };
};
