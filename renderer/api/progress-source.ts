import type { ProgressEvent } from '../../shared/contract/progress';

/** A subscription to progress events: `ready` settles once events can arrive. */
export interface ProgressSubscription {
  readonly ready: Promise<void>;
  readonly stop: () => void;
}

/** Where the page hears the progress events of its own named calls. */
export type ProgressSource = (listener: (event: ProgressEvent) => void) => ProgressSubscription;

/**
 * The page's progress source (progress-stream.ts: the preload's `onProgress`, or browser mode's
 * event stream), loaded as a lazy chunk with the schema that parses each event: the first screen
 * neither loads nor builds it.
 */
export const createProgressSource =
  (scope: object = window): ProgressSource =>
  (listener) => {
    let stop = (): void => undefined;
    let stopped = false;
    const ready = import('./progress-stream').then(
      (m) => {
        if (stopped) return undefined;
        const opened = m.openProgressStream(scope, listener);
        stop = opened.stop;
        return opened.ready;
      },
      () => undefined,
    );
    return {
      ready,
      stop: () => {
        stopped = true;
        stop();
      },
    };
  };
