import type { AppInfo } from '../../../shared/contract/app';
import type { HealthReport, KeyringKind } from '../../../shared/contract/health';
import { SIGNING_KEY_ACCOUNT } from '../bundle/signing-key';
import { httpsProxyOf, IGNORED_PROXY_VARIABLES, noProxyOf, proxyInvalidMessage, proxyOrigin, readProxyEnv, type ProxyEnv } from '../net/proxy-env';
import type { SecretStore } from '../secrets/secret-store';
import { probeKeychain } from './keychain-probe';

export interface HealthFacts {
  readonly appInfo: AppInfo;
  readonly secrets: SecretStore;
  /** The one network's proxy env: the same variables every URL check and provider call reads. */
  readonly env: ProxyEnv;
  readonly keyring: KeyringKind;
  /** Default: this process's platform. */
  readonly platform?: string;
  readonly probeTimeoutMs?: number;
}

const proxyFacts = (env: ProxyEnv): HealthReport['proxy'] => {
  const https = httpsProxyOf(env);
  const bypass = noProxyOf(env);
  // The same parse every network call makes, so the panel says what the checks would answer.
  const read = readProxyEnv(env);
  const problem = read.ok ? undefined : { code: 'PROXY_CONFIG_INVALID' as const, variable: read.variable, message: proxyInvalidMessage(read.variable, read.problem) };
  return {
    https: https === undefined ? null : { variable: https.variable, origin: proxyOrigin(https.value) },
    no_proxy: bypass === undefined ? null : bypass,
    ignored: IGNORED_PROXY_VARIABLES.filter((name) => (env[name] ?? '').trim() !== ''),
    ...(problem === undefined ? {} : { problem }),
  };
};

/** What `doctor` and the status screen's health panel show. Healthy: the keychain works and the proxy settings can be used. */
export const healthReport = async (facts: HealthFacts): Promise<HealthReport> => {
  const probe = await probeKeychain(facts.secrets, facts.probeTimeoutMs);
  const { accounts, ...keychain } = probe;
  const proxy = proxyFacts(facts.env);
  return {
    healthy: keychain.status === 'available' && proxy.problem === undefined,
    keychain: { ...keychain, store: facts.keyring },
    signing_key: accounts === null ? 'unknown' : accounts.has(SIGNING_KEY_ACCOUNT) ? 'present' : 'absent',
    mode: facts.appInfo.mode,
    platform: facts.platform ?? process.platform,
    proxy,
    runtime: facts.appInfo.runtime,
  };
};
