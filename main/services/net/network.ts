import type { Result } from '../../../shared/contract/define';
import { isDataCenter, type TargetConfig } from '../../../shared/domain/target';
import { judgeAddress, type AddressJudge } from '../url-safety/policy';
import { createDnsResolver, type Resolver } from '../url-safety/resolver';
import { fail } from '../../../shared/contract/define';
import type { CallProgress } from '../progress/call-progress';
import { DEFAULT_LIMITS, type NetLimits } from './limits';
import { parseProxyEnv, type ProxyConfig, type ProxyEnv } from './proxy-env';

// The one network dependency. Every composition root (desktop, browser mode, CLI, tests) builds
// exactly one and hands the same value to the URL-safety checks and to the provider calls, so
// the wizard's check and "Test connection" resolve, judge, proxy and trust the same way.

export interface Network {
  /** DNS for stage 4 (production: the system's servers, never /etc/hosts). */
  readonly resolver: Resolver;
  /** The root's environment as given (production: the process's), for reports that show it (health). */
  readonly env: ProxyEnv;
  /**
   * HTTPS_PROXY / NO_PROXY, parsed once from `env`: what every connection uses.
   * PROXY_CONFIG_INVALID when a value is malformed: every call that would connect answers it.
   */
  readonly proxy: Result<ProxyConfig>;
  readonly limits: NetLimits;
  /** How an address is judged under a policy (production: judgeAddress). */
  readonly judge: AddressJudge;
  /** The corporate CA (PEM) a saved target trusts, or undefined; CA_FILE_INVALID when it does not load. */
  readonly caOf: (target: TargetConfig) => Promise<Result<string | undefined>>;
  /**
   * Set only on the network of one long call (the api's door adds it): the caller's cancel signal
   * and progress reports. Every exchange and DNS wait made through this network honours it.
   */
  readonly call?: CallProgress;
}

/**
 * The production CA of a target: a Data Center target's stored PEM (judged by the one CA loader
 * when it was saved). CA_FILE_INVALID while the CA must be chosen again (a settings file of an
 * earlier version named a file that could no longer be read).
 */
export const targetCa = (target: TargetConfig): Promise<Result<string | undefined>> => {
  if (!isDataCenter(target)) return Promise.resolve({ ok: true, value: undefined });
  if (target.ca_needs_choice !== undefined) {
    return Promise.resolve(fail('CA_FILE_INVALID', `Choose the corporate CA again: ${target.ca_needs_choice.reason}`, { reason: target.ca_needs_choice.reason }));
  }
  return Promise.resolve({ ok: true, value: target.ca?.pem });
};

/** The production network: the system resolver, `env` for the proxy, default limits, the real judge and CA loader. */
export const systemNetwork = (env: ProxyEnv): Network => ({
  resolver: createDnsResolver(),
  env,
  proxy: parseProxyEnv(env),
  limits: DEFAULT_LIMITS,
  judge: judgeAddress,
  caOf: targetCa,
});

/** What a composition root may replace (tests: a loopback resolver, a judge that permits loopback); never the proxy. */
export type NetworkOverrides = Partial<Omit<Network, 'env' | 'proxy'>>;

/**
 * A root's network: always the proxy settings of its own env, the production parts unless replaced.
 * The proxy is not replaceable on purpose — the URL checks and the provider calls get it from this one value.
 */
export const createNetwork = (env: ProxyEnv, over: NetworkOverrides = {}): Network => {
  const base = systemNetwork(env);
  return { ...base, ...over, env: base.env, proxy: base.proxy };
};
