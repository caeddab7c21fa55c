import { randomUUID } from 'node:crypto';
import type { CallOptions } from '../../shared/contract/client';
import type { ProgressEvent } from '../../shared/contract/progress';
import type { CliIO } from './cli-io';
import { changeText, runningText } from './progress-line';

/** How often the terminal line's clock moves. */
export const REDRAW_MS = 200;

type Client = ReturnType<CliIO['client']>;

/**
 * Runs one long call with its progress line on stderr: named with a fresh call id, its events
 * shown (`prefix: stage… elapsed of limit`), and Ctrl-C (the io's signal) cancelling it through
 * `calls.cancel`, the same AbortController the app's Cancel button reaches. The line is wiped
 * before the call answers, so what follows on stdout or stderr starts on a clean line.
 */
export const withProgress = async <T>(io: CliIO, client: Client, prefix: string, run: (options: CallOptions) => Promise<T>): Promise<T> => {
  const call_id = randomUUID();
  // The stages now running, innermost last (a network stage runs within a provider check).
  const open: Array<{ event: ProgressEvent; at: number }> = [];
  const redraw = (): void => {
    const top = open.at(-1);
    if (top === undefined) io.status.clear();
    else io.status.show(runningText(prefix, top.event, Date.now() - top.at));
  };
  const unsubscribe = io.onProgress((event) => {
    if (event.call_id !== call_id) return;
    let stageMs: number | null = null;
    if (event.state === 'started') open.push({ event, at: Date.now() });
    else {
      const i = open.findLastIndex((o) => o.event.stage === event.stage);
      const started = open[i];
      if (started !== undefined) {
        stageMs = event.elapsed_ms - started.event.elapsed_ms;
        open.splice(i, 1);
      }
    }
    if (io.status.tty) redraw();
    else io.status.show(changeText(prefix, event, stageMs));
  });
  const timer = io.status.tty ? setInterval(redraw, REDRAW_MS) : undefined;
  const cancel = (): void => {
    void client['calls.cancel']({ call_id });
  };
  io.signal.addEventListener('abort', cancel, { once: true });
  try {
    // The call is registered as soon as it starts, so a Ctrl-C that came first still reaches it.
    const pending = run({ call_id });
    if (io.signal.aborted) cancel();
    return await pending;
  } finally {
    io.signal.removeEventListener('abort', cancel);
    clearInterval(timer);
    unsubscribe();
    if (io.status.tty) io.status.clear();
  }
};
