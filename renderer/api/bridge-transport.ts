import type { Transport } from '../../shared/contract/client';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../shared/contract/method-names';

/** The object the desktop preload exposes on `window`, when the page runs inside Electron. */
export const findBridge = (scope: object = window): Partial<DesktopBridge> | null => {
  const candidate: unknown = Reflect.get(scope, BRIDGE_GLOBAL);
  return typeof candidate === 'object' && candidate !== null ? (candidate as Partial<DesktopBridge>) : null;
};

/** Desktop: each call goes through the preload's verb of the same name. */
export const createBridgeTransport = (bridge: Partial<DesktopBridge>): Transport => {
  return async (name, input, options) => {
    const fn = bridge[name];
    if (typeof fn !== 'function') throw new Error(`the desktop bridge has no method ${name}`);
    return options === undefined ? fn(input ?? {}) : fn(input ?? {}, options);
  };
};
