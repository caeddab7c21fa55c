import type { Result } from '../../shared/contract/define';
import type { ApiDeps } from './deps';
import { dispatch, type Handlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { healthHandlers } from './handlers/health';
import { checkHandlers } from './handlers/checks';
import { credentialHandlers } from './handlers/credentials';
import { bundleHandlers } from './handlers/bundle';
import { targetHandlers } from './handlers/targets';
import { urlSafetyHandlers } from './handlers/url-safety';
import { radarHandlers } from './handlers/radar';
import { bundleDiffHandlers } from './handlers/bundle-diff';
import { networkRequestHandlers } from './handlers/network-request';
import { recheckHandlers } from './handlers/recheck';
import { bulkHandlers } from './handlers/bulk';
import { providerOptionHandlers } from './handlers/provider-options';
import { callHandlers } from './handlers/calls';
import { createCallRegistry, type CallOrigin, type CallRegistry } from './calls';
import { isProgressMethod } from '../../shared/contract/method-names';

export type { ApiDeps } from './deps';
export type { Handlers } from './dispatch';
export type { CallOrigin } from './calls';

/** Every contract method's handler, built from the services of one composition root (and the api's running calls). */
export const createHandlers = (deps: ApiDeps, calls: CallRegistry = createCallRegistry()): Handlers => ({
  ...appHandlers(deps),
  ...healthHandlers(deps),
  ...targetHandlers(deps),
  ...credentialHandlers(deps),
  ...checkHandlers(deps),
  ...bundleHandlers(deps),
  ...urlSafetyHandlers(deps),
  ...radarHandlers(deps),
  ...bundleDiffHandlers(deps),
  ...networkRequestHandlers(deps),
  ...recheckHandlers(deps),
  ...bulkHandlers(deps),
  ...providerOptionHandlers(deps),
  ...callHandlers(calls),
});

/**
 * A ready-to-call api: name + unknown payload in, a Result out. Transports wrap this and say who
 * calls (`origin`); a long method named with a call id runs as a cancellable call with progress.
 */
export const createApi = (deps: ApiDeps) => {
  const calls = createCallRegistry();
  const handlers = createHandlers(deps, calls);
  const call = (name: string, payload: unknown, origin: CallOrigin = { owner: 'direct' }): Promise<Result<unknown>> => {
    const { call_id: id } = origin;
    if (id === undefined || !isProgressMethod(name)) return dispatch(handlers, name, payload, { owner: origin.owner });
    return calls.run(name, { ...origin, call_id: id }, (ctx) => dispatch(handlers, name, payload, ctx));
  };
  return { handlers, call };
};
export type Api = ReturnType<typeof createApi>;
