import { createClient, type ApiClient, type Transport } from '../../shared/contract';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { createHttpTransport } from './http-transport';

export type { ApiClient } from '../../shared/contract';

/** The transport this page can use: the preload bridge in the desktop app, else browser mode. */
export const pickTransport = (): Transport => {
  const bridge = findBridge();
  return bridge !== null ? createBridgeTransport(bridge) : createHttpTransport();
};

export const createAppClient = (transport: Transport = pickTransport()): ApiClient => createClient(transport);
