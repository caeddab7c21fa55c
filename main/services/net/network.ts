import type { Result } from '../../../shared/contract/define';
import { isDataCenter, type TargetConfig } from '../../../shared/domain/target';
import { judgeAddress, type AddressJudge } from '../url-safety/policy';
import { createDnsResolver, type Resolver } from '../url-safety/resolver';
import { readCaFile } from '../tls/ca-loader';
import { DEFAULT_LIMITS, type NetLimits } from './limits';
import type { ProxyEnv } from './proxy-env';

// The one network dependency. Every composition root (desktop, browser mode, CLI, tests) builds
// exactly one and hands the same value to the URL-safety checks and to the provider calls, so
// the wizard's check and "Test connection" resolve, judge, proxy and trust the same way.

export interface Network {
  /** DNS for stage 4 (production: the system's servers, never /etc/hosts). */
  readonly resolver: Resolver;
  /** HTTPS_PROXY / NO_PROXY (production: the process environment). */
  readonly env: ProxyEnv;
  readonly limits: NetLimits;
  /** How an address is judged under a policy (production: judgeAddress). */
  readonly judge: AddressJudge;
  /** The corporate CA (PEM) a saved target trusts, or undefined; CA_FILE_INVALID when it does not load. */
  readonly caOf: (target: TargetConfig) => Promise<Result<string | undefined>>;
}

/** The production CA loader: a Data Center target's `ca_file`, through the one CA loader. */
export const targetCa = async (target: TargetConfig): Promise<Result<string | undefined>> => {
  const path = isDataCenter(target) ? target.ca_file : undefined;
  if (path === undefined) return { ok: true, value: undefined };
  const loaded = await readCaFile(path);
  return loaded.ok ? { ok: true, value: loaded.value.pem } : loaded;
};

/** The production network: the system resolver, `env` for the proxy, default limits, the real judge and CA loader. */
export const systemNetwork = (env: ProxyEnv): Network => ({
  resolver: createDnsResolver(),
  env,
  limits: DEFAULT_LIMITS,
  judge: judgeAddress,
  caOf: targetCa,
});

/** What a composition root may replace (tests: a loopback resolver, a judge that permits loopback); never the env. */
export type NetworkOverrides = Partial<Omit<Network, 'env'>>;

/**
 * A root's network: always its own proxy env, the production parts unless replaced. The env is
 * not replaceable on purpose — the URL checks and the provider calls get it from this one value.
 */
export const createNetwork = (env: ProxyEnv, over: NetworkOverrides = {}): Network => ({ ...systemNetwork(env), ...over, env });
