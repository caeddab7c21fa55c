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

export type { ApiDeps } from './deps';
export type { Handlers } from './dispatch';

/** Every contract method's handler, built from the services of one composition root. */
export const createHandlers = (deps: ApiDeps): Handlers => ({
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
});

/** A ready-to-call api: name + unknown payload in, a Result out. Transports wrap this. */
export const createApi = (deps: ApiDeps) => {
  const handlers = createHandlers(deps);
  return { handlers, call: (name: string, payload: unknown) => dispatch(handlers, name, payload) };
};
export type Api = ReturnType<typeof createApi>;
