import { fail, type Result } from '../../shared/contract/define';
import { channelFor, METHOD_NAMES, PROGRESS_CHANNEL, type MethodName } from '../../shared/contract/method-names';
import { CallOptionsSchema, type ProgressEvent } from '../../shared/contract/progress';
import type { CallOrigin } from '../api';
import { isAppUrl } from './app-origin';

// The one door from the renderer into the main process. One handler per contract method; each
// call first checks who is calling, then hands the payload, still `unknown`, to the api, which
// parses it with the method's zod schema. Answers are Result values: an exception thrown across
// IPC would reach the page as a bare message and lose the code.
//
// The runtime `ipcMain` is imported in one file only (app.ts, enforced by lint) and passed in
// here, so the tests drive this module with a fake of the same shape.

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The parts of Electron's WebContents the adapter uses: its id, and pushing a progress event to it. */
export interface SenderLike {
  readonly id: number;
  send?(channel: string, ...args: unknown[]): void;
  isDestroyed?(): boolean;
}

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: SenderLike;
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** The parts of Electron's ipcMain the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}

export interface SenderPolicy {
  /** Origins of the app's own pages (app://bundle). */
  readonly origins: readonly string[];
  /** True for the webContents of the app's own windows. */
  readonly isAppContents: (webContentsId: number) => boolean;
}

export type RejectReason = 'no-frame' | 'sub-frame' | 'foreign-contents' | 'foreign-origin';

/** Why a sender is refused, or null when it is the app's own main frame. */
export const senderRejection = (event: InvokeEventLike, policy: SenderPolicy): RejectReason | null => {
  const frame = event.senderFrame;
  // Null when the frame navigated away or was destroyed while the call was in flight.
  if (frame === null) return 'no-frame';
  if (frame.parent !== null) return 'sub-frame';
  if (!policy.isAppContents(event.sender.id)) return 'foreign-contents';
  if (!isAppUrl(frame.url, policy.origins)) return 'foreign-origin';
  return null;
};

export type ApiCall = (name: MethodName, payload: unknown, origin: CallOrigin) => Promise<Result<unknown>>;

/** A call's progress goes to the webContents that made it, and to no other window. */
const progressTo =
  (sender: SenderLike) =>
  (event: ProgressEvent): void => {
    if (sender.isDestroyed?.() === true) return;
    try {
      sender.send?.(PROGRESS_CHANNEL, event);
    } catch {
      // The window closed while the call ran: nobody is left to tell.
    }
  };

export interface IpcAdapterOptions {
  readonly policy: SenderPolicy;
  /** Told the method and the reason of every refused call (never the payload). */
  readonly onRejected?: (name: MethodName, reason: RejectReason) => void;
}

/** Registers one handler per contract method; returns a function that removes them all. */
export const registerIpcHandlers = (ipc: IpcMainLike, call: ApiCall, options: IpcAdapterOptions): (() => void) => {
  for (const name of METHOD_NAMES) {
    ipc.handle(channelFor(name), async (event, ...args) => {
      const reason = senderRejection(event, options.policy);
      if (reason !== null) {
        options.onRejected?.(name, reason);
        return fail('IPC_SENDER_REJECTED', `The call to ${name} did not come from the app's own window.`, { reason });
      }
      if (args.length > 2) return fail('REQUEST_INVALID', `${name} takes an input and the call's options.`);
      const callOptions = CallOptionsSchema.safeParse(args[1] ?? {});
      if (!callOptions.success) return fail('REQUEST_INVALID', `The options of the call to ${name} are not valid.`);
      const { call_id } = callOptions.data;
      // The owner is the calling webContents: only it hears the call's progress and may cancel it.
      const origin: CallOrigin = { owner: `webcontents:${event.sender.id}`, progress: progressTo(event.sender), ...(call_id === undefined ? {} : { call_id }) };
      try {
        return await call(name, args[0], origin);
      } catch {
        return fail('INTERNAL_ERROR', `${name} failed unexpectedly.`);
      }
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipc.removeHandler(channelFor(name));
  };
};
