import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  channelFor,
  eventChannelFor,
  isBridgeEvent,
  METHOD_NAMES,
  type DesktopBridge,
} from '../shared/contract/method-names';

// The sandboxed preload: it exposes one object, generated from the contract's method names, with
// one verb per method and a subscription to the menu events. The page never receives ipcRenderer,
// an IPC event object or a way to name an arbitrary channel. Payloads and answers are parsed in
// main (dispatch) and in the page (createClient), not here, to keep zod out of the preload.

const verbs = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
);

const on = (event: string, listener: () => void): (() => void) => {
  if (!isBridgeEvent(event) || typeof listener !== 'function') return () => undefined;
  const channel = eventChannelFor(event);
  const forward = (): void => listener();
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

const bridge = { ...verbs, on } as DesktopBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
