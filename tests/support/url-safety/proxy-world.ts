import type { ApiDeps } from '../../../main/api/deps';
import type { MethodName } from '../../../shared/contract/method-names';
import { createApi } from '../../../main/api';
import { fixedClock } from '../../../main/services/clock/clock';
import { runTargetChecks } from '../../../main/services/providers/run-target-checks';
import { accountFor } from '../../../main/services/secrets/secret-store';
import { ChecksRun } from '../../../shared/contract/checks';
import { UrlProbeResult } from '../../../shared/contract/url-safety';
import { TargetRecord } from '../../../shared/contract/targets';
import { corporateCa } from '../corporate-ca';
import { dataCenterTarget } from '../domain-builders';
import { memorySecretStore } from '../memory-secret-store';
import { startConnectProxy, type RunningProxy } from './connect-proxy';
import { APP_PROPS, dcDraft, json, startWorld, TEST_ADDR, testJudge, type TestWorld } from './fixture';
import { urlSafetyPki } from './pki';
import { startHttps, type RunningServer } from './servers';

// What a composition-root test needs to prove that the wizard's URL check and the provider calls
// of that root see the same HTTPS_PROXY: a Data Center on loopback (a name the test's DNS server
// resolves to 127.0.0.2), and a CONNECT proxy on loopback that records every tunnel. The root is
// built with HTTPS_PROXY pointing at the proxy and only the resolver and judge replaced.

const HOST = 'bitbucket.example-corp.com';
const TOKEN = 'BBDC-NzQ0-proxy-world-token-1f2e3d';

export interface ProxyWorld {
  readonly world: TestWorld;
  readonly proxy: RunningProxy;
  readonly env: Readonly<Record<string, string>>;
  /** The Data Center's base URL (a name the test DNS resolves) and the PEM of its CA. */
  readonly baseUrl: string;
  readonly caPem: string;
  /** The parts of the network a root may be handed: the loopback resolver and judge. */
  readonly overrides: Pick<ApiDeps['network'], 'resolver' | 'judge'>;
  /** Runs the wizard's URL check and a provider run through `deps`; answers what the proxy saw of each. */
  prove(deps: ApiDeps): Promise<{ urlCheck: { viaProxy: boolean; tunnels: string[] }; providers: { viaProxy: boolean; tunnels: string[]; instance: string | undefined } }>;
  /**
   * The same proof through the contract only, for a root reached from outside (the desktop entry
   * over IPC): `url.probe`, then `targets.save`, `credentials.store` and "Test connection"
   * (`checks.run`) — the root's keychain must accept the store.
   */
  proveByCalls(call: ContractCall): Promise<Proof>;
  close(): Promise<void>;
}

export type ContractCall = (name: MethodName, payload: unknown) => Promise<unknown>;
type Proof = Awaited<ReturnType<ProxyWorld['prove']>>;

const valueOf = (answer: unknown, what: string): unknown => {
  const r = answer as { ok?: boolean; value?: unknown; error?: { code: string; message: string } };
  if (r.ok !== true) throw new Error(`${what}: ${r.error?.code ?? '?'}: ${r.error?.message ?? JSON.stringify(answer)}`);
  return r.value;
};

export const startProxyWorld = async (): Promise<ProxyWorld> => {
  const world = await startWorld();
  const pki = await urlSafetyPki();
  const server: RunningServer = await startHttps(await pki.leaf([HOST], []), (req, res) => {
    if (req.url === '/bb/rest/api/1.0/application-properties') {
      if (req.headers.authorization === `Bearer ${TOKEN}`) res.setHeader('x-ausername', 'dana');
      json(res, 200, APP_PROPS);
    } else if (req.url === '/bb/rest/api/1.0/projects/SEC/repos/payments') json(res, 200, { id: 11, slug: 'payments', public: false });
    else json(res, 404, { errors: [{ message: 'not found' }] });
  }, TEST_ADDR);
  const proxy = await startConnectProxy(TEST_ADDR);
  const baseUrl = `https://${HOST}:${server.port}/bb`;
  // The tunnel goes to the checked address, never the name (proxy-tunnel.ts).
  const tunnel = `${TEST_ADDR}:${server.port}`;
  const since = (n: number) => proxy.connects.slice(n).filter((c) => c === tunnel);
  return {
    world,
    proxy,
    env: { HTTPS_PROXY: proxy.url },
    baseUrl,
    caPem: pki.caCert,
    overrides: { resolver: world.resolver, judge: testJudge },
    prove: async (deps) => {
      const before = proxy.connects.length;
      const probed = await createApi(deps).call('url.probe', { base_url: baseUrl, ca_pem: pki.caCert, allowlist_status: 'direct' });
      if (!probed.ok) throw new Error(`${probed.error.code}: ${probed.error.message}`);
      const urlCheck = { viaProxy: UrlProbeResult.parse(probed.value).via_proxy, tunnels: since(before) };
      const mid = proxy.connects.length;
      const target = dataCenterTarget({ id: 'dc-proxy', base_url: baseUrl, allowlist_status: 'direct', ca: corporateCa(pki.caCert), jira: undefined });
      const keychain = memorySecretStore({ [accountFor(target.id, 'bitbucket')]: TOKEN });
      // The root's own provider deps and network, as its checks.run handler hands them on (the
      // credential from a memory keychain, so no test touches a real one).
      const run = await runTargetChecks(target, {}, {
        ...deps.providers,
        network: deps.network,
        secrets: keychain.store,
        clock: fixedClock('2026-11-29T08:00:00.000Z'),
      });
      return {
        urlCheck,
        providers: { viaProxy: run.checks.network?.via_proxy ?? false, tunnels: since(mid), instance: run.findings.find((f) => f.id === 'instance')?.verdict },
      };
    },
    proveByCalls: async (call) => {
      const before = proxy.connects.length;
      const probed = UrlProbeResult.parse(valueOf(await call('url.probe', { base_url: baseUrl, ca_pem: pki.caCert, allowlist_status: 'direct' }), 'url.probe'));
      const urlCheck = { viaProxy: probed.via_proxy, tunnels: since(before) };
      const saved = TargetRecord.parse(valueOf(await call('targets.save', { target: dcDraft(baseUrl, pki.caCert, { auth_method: 'http_access_token', workspace: 'SEC', repository_slug: 'payments' }) }), 'targets.save'));
      valueOf(await call('credentials.store', { target_id: saved.target.id, kind: 'bitbucket', secret: TOKEN }), 'credentials.store');
      const mid = proxy.connects.length;
      const run = ChecksRun.parse(valueOf(await call('checks.run', { target_id: saved.target.id }), 'checks.run'));
      return {
        urlCheck,
        providers: { viaProxy: run.record.checks.network?.via_proxy ?? false, tunnels: since(mid), instance: run.findings.find((f) => f.id === 'instance')?.verdict },
      };
    },
    close: async () => {
      await proxy.close();
      await server.close();
      await world.close();
    },
  };
};
