import { writeNetworkRequest } from '../../services/network-request/network-request';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

type NetworkRequestHandlers = Pick<Handlers, 'network.request'>;

export const networkRequestHandlers = (deps: ApiDeps): NetworkRequestHandlers => ({
  'network.request': async (input) => {
    const r = await writeNetworkRequest(
      { clock: deps.clock, settings: deps.settings, app: { name: deps.appInfo.name, version: deps.appInfo.version }, network: deps.network },
      {
        acknowledgePrivate: input.acknowledge_private,
        proxyResolvesName: input.proxy_resolves_name,
        ...(input.base_url === undefined ? {} : { baseUrl: input.base_url }),
        ...(input.target === undefined ? {} : { target: input.target }),
        ...(input.ca_pem === undefined ? {} : { caPem: input.ca_pem }),
        ...(input.allowlist_status === undefined ? {} : { allowlistStatus: input.allowlist_status }),
        ...(input.timeout_ms === undefined ? {} : { timeoutMs: input.timeout_ms }),
      },
    );
    if (r.ok) deps.logger?.info('network.request', { verdict: r.value.document.verdict, stage: r.value.document.failure?.stage ?? null });
    return r;
  },
});
