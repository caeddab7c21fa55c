import type { ApiClient, CallOptions, Transport } from '../../shared/contract/client';
import { METHOD_NAMES, type MethodName } from '../../shared/contract/method-names';
import { fail, type Result } from '../../shared/contract/result';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { createHttpTransport, SERVER_STOPPED_MESSAGE } from './http-transport';

export type { ApiClient } from '../../shared/contract/client';

/** The transport this page can use: the preload bridge in the desktop app, else browser mode. */
export const pickTransport = (): Transport => {
  const bridge = findBridge();
  return bridge !== null ? createBridgeTransport(bridge) : createHttpTransport();
};

type Call = (input: unknown, options?: CallOptions) => Promise<Result<unknown>>;

/**
 * The contract client, with its schemas loaded on the first call: the module that builds every
 * contract schema is a lazy chunk, so the first screen paints without parsing or building it
 * (docs/performance.md). Every answer is still parsed by the contract's `createClient`.
 */
export const createAppClient = (transport: Transport = pickTransport()): ApiClient => {
  let loading: Promise<ApiClient> | undefined;
  const load = (): Promise<ApiClient> => {
    loading ??= import('../../shared/contract/client').then((m) => m.createClient(transport));
    return loading;
  };
  const call = async (name: MethodName, input: unknown, options?: CallOptions): Promise<Result<unknown>> => {
    let client: ApiClient;
    try {
      client = await load();
    } catch {
      // The chunk could not be fetched: in browser mode the server that served the page is gone.
      loading = undefined;
      return fail('APP_SERVER_STOPPED', SERVER_STOPPED_MESSAGE);
    }
    const method = client[name] as Call;
    return method(input, options);
  };
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown, options?: CallOptions) => call(name, input, options)])) as unknown as ApiClient;
};
