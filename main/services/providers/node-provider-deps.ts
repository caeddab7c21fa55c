import { ok } from '../../../shared/contract/define';
import type { TargetConfig } from '../../../shared/domain/target';
import { isDataCenter } from '../../../shared/domain/target';
import type { NetLimits } from '../net/limits';
import type { ProxyEnv } from '../net/proxy-env';
import { createSafeHttpClient } from '../net/safe-http-client';
import type { AddressPolicy } from '../url-safety/policy';
import { readCaFile } from '../tls/ca-loader';
import { createDnsResolver, type Resolver } from '../url-safety/resolver';
import { BITBUCKET_CLOUD_ORIGINS, createFixedOriginHttpClient } from './common/fixed-origin-client';
import { realSleep } from './common/retry-after';
import type { ProviderDeps } from './provider-deps';

export interface NodeProviderOptions {
  /** Electron's shell.openExternal in the desktop app; the `open` helper in browser mode and the CLI. */
  readonly openExternal: (url: string) => Promise<void>;
  readonly resolver?: Resolver;
  /** HTTPS_PROXY / NO_PROXY for the URL-safety client (process.env). */
  readonly env?: ProxyEnv;
  readonly limits?: Partial<NetLimits>;
}

/** The URL-safety policy a target's own settings allow (private ranges only for an approved path). */
export const policyFor = (target: TargetConfig): AddressPolicy =>
  isDataCenter(target)
    ? {
        deployment: 'self-hosted',
        ...(target.allowlist_status === undefined ? {} : { allowlist_status: target.allowlist_status }),
        acknowledge_private: target.private_address_acknowledged,
      }
    : { deployment: 'cloud', acknowledge_private: false };

/**
 * Production provider wiring: Bitbucket Cloud over a client bound to its fixed origins; Data
 * Center and Jira over the URL-safety client (DNS checked, pinned, redirects judged), built per
 * target with its policy and corporate CA file.
 */
export const createNodeProviderDeps = (o: NodeProviderOptions): ProviderDeps => {
  const resolver = o.resolver ?? createDnsResolver();
  return {
    cloudHttp: createFixedOriginHttpClient({ origins: BITBUCKET_CLOUD_ORIGINS, ...(o.env === undefined ? {} : { env: o.env }) }),
    guardedHttp: async (target) => {
      let ca: string | undefined;
      if (isDataCenter(target) && target.ca_file !== undefined) {
        const loaded = await readCaFile(target.ca_file);
        if (!loaded.ok) return loaded;
        ca = loaded.value.pem;
      }
      return ok(createSafeHttpClient({
        policy: policyFor(target),
        resolver,
        ...(ca === undefined ? {} : { ca }),
        ...(o.env === undefined ? {} : { env: o.env }),
        ...(o.limits === undefined ? {} : { limits: o.limits }),
      }));
    },
    sleep: realSleep,
    openExternal: o.openExternal,
  };
};
