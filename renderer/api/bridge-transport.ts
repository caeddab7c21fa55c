import { BRIDGE_GLOBAL, type MethodName, type Transport } from '../../shared/contract';

type BridgeFn = (input: unknown) => Promise<unknown>;
type Bridge = Partial<Record<MethodName, BridgeFn>>;

/** The object the desktop preload exposes on `window`, when the page runs inside Electron. */
export const findBridge = (scope: object = window): Bridge | null => {
  const candidate: unknown = Reflect.get(scope, BRIDGE_GLOBAL);
  return typeof candidate === 'object' && candidate !== null ? (candidate as Bridge) : null;
};

/** Desktop: each call goes through the preload's verb of the same name. */
export const createBridgeTransport = (bridge: Bridge): Transport => {
  return async (name, input) => {
    const fn = bridge[name];
    if (typeof fn !== 'function') throw new Error(`the desktop bridge has no method ${name}`);
    return fn(input ?? {});
  };
};
