import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/contract/method-names';
import { buildBridge } from './bridge';

// The sandboxed preload: it exposes one object, generated from the contract's method names, and
// nothing else; never ipcRenderer itself. Payloads and answers are parsed in main (dispatch) and
// in the page (createClient), not here, to keep zod out of the preload.
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, buildBridge(ipcRenderer));
