import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECT } from '../../../../main/services/net/proxy-env';
import { checkUrl } from '../../../../main/services/url-safety/check-url';
import { DEFAULT_POLICY, judgeAddress } from '../../../../main/services/url-safety/policy';
import { createDnsResolver } from '../../../../main/services/url-safety/resolver';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { startDnsServer, type RunningDns } from '../../../support/url-safety/dns-server';
import { APP_PROPS, json, TEST_ADDR, testJudge } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

// A real UDP DNS server on loopback. Public-looking answers below are only ever DNS answers:
// nothing connects to them. Real connections go to 127.0.0.2 (permitted by the test hook) only.

const REBIND = 'rebind.example-corp.com';

describe('DNS: every answer classified, no second lookup', () => {
  let dns: RunningDns;
  let good: RunningServer;
  let trap: ReturnType<typeof createServer>;
  let trapHits = 0;

  beforeAll(async () => {
    const pki = await urlSafetyPki();
    const leaf = await pki.leaf([REBIND], []);
    // The same port on 127.0.0.1: a connection here would be the rebinding succeeding. The port
    // may be taken on 127.0.0.1 by something else; then both servers move to another port.
    trap = createServer((s) => {
      trapHits += 1;
      s.destroy();
    });
    for (let attempt = 0; ; attempt += 1) {
      good = await startHttps(leaf, (_req, res) => json(res, 200, APP_PROPS), TEST_ADDR);
      const port = good.port;
      const bound = await new Promise<boolean>((resolve) => {
        trap.once('error', () => resolve(false));
        trap.listen(port, '127.0.0.1', () => resolve(true));
      });
      if (bound) break;
      await good.close();
      if (attempt >= 5) throw new Error('no port free on both 127.0.0.1 and 127.0.0.2');
    }
    dns = await startDnsServer((name, type, before) => {
      if (name === REBIND) return type === 'A' ? [before === 0 ? TEST_ADDR : '127.0.0.1'] : [];
      if (name === 'public.example-corp.com') return type === 'A' ? ['151.101.64.10'] : ['2a04:4e42:200::10'];
      if (name === 'mixed.example-corp.com') return type === 'A' ? ['151.101.64.10', '127.0.0.1'] : [];
      if (name === 'mixed6.example-corp.com') return type === 'A' ? ['151.101.64.10'] : ['2a04:4e42:200::10', '::ffff:7f00:1'];
      if (name === 'private.example-corp.com') return type === 'A' ? ['10.20.30.40'] : [];
      return [];
    });
  });
  afterAll(async () => {
    await good.close();
    await new Promise<void>((resolve) => trap.close(() => resolve()));
    await dns.close();
  });

  const resolver = () => createDnsResolver({ servers: [dns.server], timeoutMs: 1000, tries: 1 });

  it('allows a name whose every answer is public, and records them all', async () => {
    const v = await checkUrl('https://public.example-corp.com/', { policy: DEFAULT_POLICY, resolver: resolver(), judge: judgeAddress });
    expect(v.verdict).toBe('allow');
    expect(v.addresses.map((a) => a.ip)).toEqual(['151.101.64.10', '2a04:4e42:200::10']);
  });

  it.each(['mixed.example-corp.com', 'mixed6.example-corp.com'])('blocks %s: one good and one bad answer', async (name) => {
    const v = await checkUrl(`https://${name}/`, { policy: DEFAULT_POLICY, resolver: resolver(), judge: judgeAddress });
    expect(v).toMatchObject({ verdict: 'block', reason: 'reserved_ip', code: 'PROVIDER_BASE_URL_BLOCKED' });
    // Nothing is filtered out: every answer is in the evidence.
    expect(v.addresses.map((a) => a.range)).toContain('unicast');
    expect(v.addresses.length).toBe(name === 'mixed6.example-corp.com' ? 3 : 2);
  });

  it('blocks a name resolving to a private address unless the target is on an approved tunnel', async () => {
    const url = 'https://private.example-corp.com/';
    expect((await checkUrl(url, { policy: DEFAULT_POLICY, resolver: resolver(), judge: judgeAddress })).reason).toBe('private_network');
    const tunnel = await checkUrl(url, { policy: { ...DEFAULT_POLICY, allowlist_status: 'approved_tunnel' }, resolver: resolver(), judge: judgeAddress });
    expect(tunnel.verdict).toBe('allow');
  });

  it('blocks a name with no answers as dns', async () => {
    const v = await checkUrl('https://nothing.example-corp.com/', { policy: DEFAULT_POLICY, resolver: resolver(), judge: judgeAddress });
    expect(v).toMatchObject({ verdict: 'block', reason: 'dns' });
  });

  it('rebinding: the probe connects to the first checked answer and never to the later 127.0.0.1', async () => {
    const pki = await urlSafetyPki();
    const r = await probeDataCenter(`https://${REBIND}:${good.port}`, {
      policy: DEFAULT_POLICY,
      resolver: resolver(),
      judge: testJudge,
      proxy: DIRECT,
      ca: pki.caCert,
    });
    expect(r.verdict).toBe('allow');
    expect(r.addresses.map((a) => a.ip)).toEqual([TEST_ADDR]);
    expect(good.seen).toHaveLength(1);
    expect(trapHits).toBe(0);
    // One A question for the check; the connection did not ask again.
    expect(dns.questions.filter((q) => q.name === REBIND && q.type === 'A')).toHaveLength(1);
    // Had it asked again, the answer would have been blocked.
    const again = await checkUrl(`https://${REBIND}/`, { policy: DEFAULT_POLICY, resolver: resolver(), judge: testJudge });
    expect(again.reason).toBe('reserved_ip');
    expect((trap.address() as AddressInfo).port).toBe(good.port);
  });
});
