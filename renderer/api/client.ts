import { createClient, type ApiClient, type Transport } from '../../shared/contract';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { createHttpTransport } from './http-transport';
import { takeLaunchToken } from './launch-token';

export type { ApiClient } from '../../shared/contract';

const missingToken: Transport = async () => {
  throw new Error('this page was opened without its launch token; open the URL printed by the serve command');
};

/** The transport this page can use: the preload bridge in the desktop app, else browser mode. */
export const pickTransport = (): Transport => {
  const bridge = findBridge();
  if (bridge !== null) return createBridgeTransport(bridge);
  const token = takeLaunchToken();
  return token === null ? missingToken : createHttpTransport(token);
};

export const createAppClient = (transport: Transport = pickTransport()): ApiClient => createClient(transport);
