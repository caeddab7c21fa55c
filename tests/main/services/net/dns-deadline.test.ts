import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { DIRECT } from '../../../../main/services/net/proxy-env';
import { DEFAULT_POLICY } from '../../../../main/services/url-safety/policy';
import { createDnsResolver } from '../../../../main/services/url-safety/resolver';
import { startDnsServer, type RunningDns } from '../../../support/url-safety/dns-server';
import { redirect, TEST_ADDR, testJudge } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps } from '../../../support/url-safety/servers';

// DNS runs under the request's overall deadline (issue 12 §6): against a resolver that never
// answers, `probe --timeout-ms 500` took about 8 s — the resolver's own timeout and retries — and
// a redirect hop's lookup was outside the deadline too. Now the probe ends in `timeout` at the
// overall limit, whatever the resolver's own settings.

describe('DNS under the overall deadline', () => {
  let silent: RunningDns;
  beforeAll(async () => {
    silent = await startDnsServer(() => null);
  });
  afterAll(async () => silent.close());

  it('a silent resolver ends the probe in timeout at the overall limit, not after its retries', async () => {
    // The production resolver settings: 3 s per try, 2 tries.
    const resolver = createDnsResolver({ servers: [silent.server] });
    const started = performance.now();
    const r = await probeDataCenter('https://bitbucket.example-corp.com/', { policy: DEFAULT_POLICY, resolver, judge: testJudge, proxy: DIRECT, limits: { overallMs: 500 } });
    const took = performance.now() - started;
    expect(r).toMatchObject({ verdict: 'block', code: 'PROVIDER_BASE_URL_BLOCKED', reason: 'timeout' });
    expect(r.detail).toContain('resolving bitbucket.example-corp.com');
    expect(r.stages.find((s) => s.stage === 'dns')).toMatchObject({ status: 'failed' });
    expect(silent.questions.some((q) => q.name === 'bitbucket.example-corp.com')).toBe(true);
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(1500);
  });

  it('a redirect hop whose lookup goes silent ends in timeout at the overall limit too', async () => {
    const host = 'hop.example-corp.com';
    // The first A question is answered; every later one (the hop's) is not.
    const dns = await startDnsServer((name, type, before) => (name === host && type === 'A' ? (before === 0 ? [TEST_ADDR] : null) : []));
    const pki = await urlSafetyPki();
    const server = await startHttps(await pki.leaf([host], []), (_req, res) => redirect(res, '/moved'), TEST_ADDR);
    try {
      const resolver = createDnsResolver({ servers: [dns.server] });
      const started = performance.now();
      const r = await probeDataCenter(`https://${host}:${server.port}/`, { policy: DEFAULT_POLICY, resolver, judge: testJudge, proxy: DIRECT, ca: pki.caCert, limits: { overallMs: 700 } });
      const took = performance.now() - started;
      expect(server.seen).toHaveLength(1);
      expect(r).toMatchObject({ verdict: 'block', reason: 'redirect' });
      expect(r.detail).toContain('timeout');
      expect(took).toBeLessThan(1700);
    } finally {
      await server.close();
      await dns.close();
    }
  });
});
