import {
  CA_PICK_CHANNEL,
  channelFor,
  eventChannelFor,
  isBridgeEvent,
  METHOD_NAMES,
  PROGRESS_CHANNEL,
  type DesktopBridge,
} from '../shared/contract/method-names';

/** The parts of ipcRenderer the bridge uses; index.ts passes the real one. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * The object the page gets: one verb per contract method, generated from METHOD_NAMES, and `on`
 * for the menu events, and `pickCaFile` for the corporate CA's file dialog. Nothing of ipcRenderer leaks: no channel can be named, the IPC event
 * object is never handed to the page, and an unknown event name subscribes to nothing.
 */
export const buildBridge = (ipc: RendererIpc): DesktopBridge => {
  // The call's options (its call_id) travel as a second argument only when given; main parses both.
  const verbs = Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (input: unknown, options?: unknown) => (options === undefined ? ipc.invoke(channelFor(name), input) : ipc.invoke(channelFor(name), input, options))]),
  );
  const on = (event: string, listener: () => void): (() => void) => {
    if (!isBridgeEvent(event) || typeof listener !== 'function') return () => undefined;
    const channel = eventChannelFor(event);
    const forward = (): void => listener();
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  // Progress of this page's named calls: the payload alone (parsed in the page), never the IPC event.
  const onProgress = (listener: (event: unknown) => void): (() => void) => {
    if (typeof listener !== 'function') return () => undefined;
    const forward = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(PROGRESS_CHANNEL, forward);
    return () => {
      ipc.removeListener(PROGRESS_CHANNEL, forward);
    };
  };
  const pickCaFile = (): Promise<unknown> => ipc.invoke(CA_PICK_CHANNEL);
  return Object.freeze({ ...verbs, on, onProgress, pickCaFile }) as DesktopBridge;
};
