import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceLines } from '../../../../main/services/bundle/summary';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { TargetRecord } from '../../../../shared/contract/targets';
import { fakeIO } from '../../cli/fake-io';
import { confirmed } from '../../../support/domain-builders';
import { testApi } from '../../../support/test-api';
import { testNetwork } from '../../../support/url-safety/test-network';
import { startConnectProxy, type RunningProxy } from '../../../support/url-safety/connect-proxy';
import { APP_PROPS, json, startWorld, TEST_ADDR, TEST_PERMIT, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

// Through HTTPS_PROXY the proxy's DNS used to decide where the connection went: stages 1-4 judged
// this machine's answer (the test DNS: 127.0.0.2), then undici sent `CONNECT name:port` and the
// proxy resolved the name again with its own view (here: 127.0.0.3, the "proxy's loopback", where
// a decoy with a valid certificate for the name answers). The evidence listed 127.0.0.2 while the
// answer came from the decoy. Now the tunnel goes to the checked address and TLS (SNI, certificate
// check) runs inside it for the name.

const HOST = 'bitbucket.example-corp.com';
const DECOY_ADDR = '127.0.0.3';

describe('a CONNECT proxy with its own DNS view', () => {
  let world: TestWorld;
  let checked: RunningServer;
  let decoy: RunningServer;
  let resolving: RunningProxy;
  let nameOnly: RunningProxy;
  let ca: string;

  beforeAll(async () => {
    world = await startWorld();
    const pki = await urlSafetyPki();
    ca = pki.caCert;
    const leaf = await pki.leaf([HOST], []);
    checked = await startHttps(leaf, (_req, res) => json(res, 200, { ...APP_PROPS, displayName: 'checked instance' }), TEST_ADDR);
    decoy = await startHttps(leaf, (_req, res) => json(res, 200, { ...APP_PROPS, displayName: 'decoy at the proxy' }), DECOY_ADDR, checked.port);
    // Its own DNS: the name is the decoy's address. Tunnels to addresses are allowed.
    resolving = await startConnectProxy(TEST_ADDR, { names: { [HOST]: DECOY_ADDR } });
    // The same view, and it refuses to tunnel to an address at all.
    nameOnly = await startConnectProxy(TEST_ADDR, { names: { [HOST]: DECOY_ADDR }, refuseIpConnect: true });
  });
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bts-proxy-dns-'));
  });
  afterAll(async () => {
    await Promise.all([resolving.close(), nameOnly.close(), checked.close(), decoy.close()]);
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A root whose HTTPS_PROXY is the name-only proxy, the test DNS and judge, the test CA trusted. */
  const nameOnlyNetwork = () => testNetwork({ resolver: world.resolver, permit: TEST_PERMIT, env: { HTTPS_PROXY: nameOnly.url }, fallbackCa: ca });

  const url = (): string => `https://${HOST}:${checked.port}/bb`;

  it('cannot move the connection: the tunnel goes to the checked address, never where the proxy resolves the name', async () => {
    const r = await probeDataCenter(url(), world.options({ ca, env: { HTTPS_PROXY: resolving.url } }));
    expect(r).toMatchObject({ verdict: 'allow', via_proxy: true, resolved_by_proxy: false, api_root: { displayName: 'checked instance' }, addresses: [{ ip: TEST_ADDR }] });
    expect(resolving.connects).toEqual([`${TEST_ADDR}:${checked.port}`]);
    expect(resolving.reached).toEqual([`${TEST_ADDR}:${checked.port}`]);
    expect(decoy.connections).toBe(0);
    // TLS ran inside the tunnel for the name: the certificate is evidence again.
    expect(r.tls?.subject).toContain(HOST);
    expect(r.stages.find((s) => s.stage === 'connection')?.detail).toBe(`via proxy, tunnel to ${TEST_ADDR}`);
  });

  it('a proxy that refuses a tunnel to an address: the verdict says so (proxy_refused_ip), and nothing is reached', async () => {
    const r = await probeDataCenter(url(), world.options({ ca, env: { HTTPS_PROXY: nameOnly.url } }));
    expect(r).toMatchObject({ verdict: 'block', code: 'PROVIDER_BASE_URL_BLOCKED', reason: 'proxy_refused_ip', via_proxy: true, resolved_by_proxy: false, api_root: null });
    expect(r.detail).toMatch(new RegExp(`refused CONNECT ${TEST_ADDR.replace(/\./gu, '\\.')}:${checked.port} \\(HTTP 403\\)`, 'u'));
    expect(nameOnly.connects).toEqual([`${TEST_ADDR}:${checked.port}`]);
    expect(nameOnly.reached).toEqual([]);
    expect(decoy.connections).toBe(0);
    expect(r.stages.find((s) => s.stage === 'connection')).toMatchObject({ status: 'failed' });
  });

  it('with the admin\'s choice ("let the proxy resolve the name") it proceeds, and the evidence says the addresses are unverified', async () => {
    const before = nameOnly.connects.length;
    const r = await probeDataCenter(url(), world.options({ ca, env: { HTTPS_PROXY: nameOnly.url }, policy: { deployment: 'self-hosted', acknowledge_private: false, proxy_resolves_name: true } }));
    expect(r).toMatchObject({ verdict: 'allow', via_proxy: true, resolved_by_proxy: true });
    // The address first, the name only after the refusal; the proxy then went where its DNS said.
    expect(nameOnly.connects.slice(before)).toEqual([`${TEST_ADDR}:${checked.port}`, `${HOST}:${checked.port}`]);
    expect(r.api_root?.displayName).toBe('decoy at the proxy');
    expect(r.stages.find((s) => s.stage === 'connection')?.detail).toMatch(/the proxy resolved the name \(addresses unverified/u);
    // TLS is still verified for the name, end to end.
    expect(r.tls?.subject).toContain(HOST);
  });

  it('TLS stays verified inside the tunnel: a certificate for another name is tls, and no request is sent', async () => {
    const seen = checked.seen.length;
    const r = await probeDataCenter(`https://other.example-corp.com:${checked.port}/bb`, world.options({ ca, env: { HTTPS_PROXY: resolving.url } }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'tls', via_proxy: true });
    expect(checked.seen.length).toBe(seen);
  });

  it.each([
    ['without the choice', {}, { status: 'failed', reason: 'proxy_refused_ip' }, false],
    ['with the target field proxy_resolves_name (the Target step checkbox)', { proxy_resolves_name: true }, { status: 'reached', resolved_by_proxy: true }, true],
  ] as const)('a saved target %s: url.checkTarget stores it, and the bundle evidence marks the addresses', async (_n, extra, network, marked) => {
    const t = testApi({ network: nameOnlyNetwork() });
    try {
      const saved = await t.api.call('targets.save', {
        target: {
          provider_key: 'bitbucket_data_center_issues',
          deployment_mode: 'self-hosted',
          confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
          base_url: url(),
          allowlist_status: 'direct',
          ...extra,
        },
      });
      const id = TargetRecord.parse(saved.ok ? saved.value : null).target.id;
      const r = await t.api.call('url.checkTarget', { target_id: id });
      const stored = TargetRecord.parse(r.ok ? (r.value as { record: unknown }).record : null).checks;
      expect(stored.network).toMatchObject(network);
      expect(evidenceLines(stored).some((l) => l.includes('Addresses resolved by the proxy (unverified)'))).toBe(marked);
    } finally {
      t.cleanup();
    }
  });

  it.each([
    ['without --proxy-resolves-name', [], 3, { verdict: 'block', reason: 'proxy_refused_ip', resolved_by_proxy: false }],
    ['with --proxy-resolves-name', ['--proxy-resolves-name'], 0, { verdict: 'allow', resolved_by_proxy: true }],
  ] as const)('probe %s', async (_n, flags, code, expected) => {
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, ca);
    const f = fakeIO({}, { network: nameOnlyNetwork() });
    try {
      const r = await f.run(['probe', url(), '--json', '--ca', caFile, '--allowlist-status', 'direct', ...flags]);
      expect(r.code).toBe(code);
      expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject(expected);
    } finally {
      f.cleanup();
    }
  });
});
