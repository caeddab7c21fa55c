import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { createDnsResolver } from '../../../../main/services/url-safety/resolver';
import { startDnsServer, type RunningDns } from '../../../support/url-safety/dns-server';
import { APP_PROPS, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki, type UrlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, startResetServer, type RunningServer } from '../../../support/url-safety/servers';

// Issue 14 items 4 and 9: each way a connection fails is provoked for real (a DNS server that
// answers NXDOMAIN, one that never answers, a closed port, certificates from the throw-away CA)
// and each says, in different words, what failed, naming the host, the resolver and the path,
// with the raw code kept as evidence. A certificate failure names the corporate CA field.

const HOST = 'bitbucket.example-corp.com';

describe('connection failures in words', () => {
  let world: TestWorld;
  let pki: UrlSafetyPki;
  const servers: RunningServer[] = [];
  const dnsServers: RunningDns[] = [];
  beforeAll(async () => {
    world = await startWorld();
    pki = await urlSafetyPki();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const d of dnsServers) await d.close();
    await world.close();
  });

  const withDns = async (answer: Parameters<typeof startDnsServer>[0]) => {
    const dns = await startDnsServer(answer);
    dnsServers.push(dns);
    return { dns, options: world.options({ resolver: createDnsResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 }) }) };
  };
  const serveWith = async (leaf: { key: string; cert: string }) => {
    const s = await startHttps(leaf, (_req, res) => json(res, 200, APP_PROPS), TEST_ADDR);
    servers.push(s);
    return `https://${HOST}:${s.port}`;
  };

  it('NXDOMAIN: the name does not exist, says which resolver answered so', async () => {
    const { dns, options } = await withDns(() => 'NXDOMAIN');
    const r = await probeDataCenter(`https://${HOST}/`, options);
    expect(r).toMatchObject({ verdict: 'block', reason: 'dns' });
    expect(r.detail).toContain(`the resolver ${dns.server} answers that ${HOST} does not exist (NXDOMAIN`);
  });

  it('DNS timeout: the resolver never answered, in other words than NXDOMAIN', async () => {
    const { dns, options } = await withDns(() => null);
    const r = await probeDataCenter(`https://${HOST}/`, options);
    expect(r).toMatchObject({ verdict: 'block', reason: 'dns' });
    expect(r.detail).toContain(`the resolver ${dns.server} did not answer for ${HOST} in time (ETIMEOUT`);
    expect(r.detail).not.toContain('does not exist');
  });

  it('a name without an address record is neither of those', async () => {
    const { options } = await withDns(() => []);
    const r = await probeDataCenter(`https://${HOST}/`, options);
    expect(r.detail).toContain(`knows ${HOST} but gives it no A or AAAA address`);
  });

  it('TCP refusal: the host answers but nothing listens; the address, port and direct path are named', async () => {
    const s = await startResetServer(TEST_ADDR);
    await s.close();
    const r = await probeDataCenter(`https://${HOST}:${s.port}`, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'unreachable' });
    expect(r.detail).toContain(`TCP: ${HOST} at ${TEST_ADDR} port ${s.port} refused the connection (ECONNREFUSED, direct connection, no proxy)`);
  });

  const certificates: Array<[string, (pki: UrlSafetyPki) => Promise<{ key: string; cert: string }>, boolean, string, string]> = [
    ['expired', (p) => p.leaf([HOST], [], true), true, 'CERT_HAS_EXPIRED', 'its certificate has expired'],
    ['self-signed', (p) => p.selfSigned([HOST]), true, 'DEPTH_ZERO_SELF_SIGNED_CERT', 'its certificate is self-signed'],
    ['for another host', (p) => p.leaf(['someone-else.example-corp.com'], []), true, 'ERR_TLS_CERT_ALTNAME_INVALID', 'its certificate is for another host name'],
    ['from an unknown CA', (p) => p.leaf([HOST], []), false, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'issued by a CA this machine does not know'],
  ];
  it.each(certificates)('a certificate %s is said in words, the OpenSSL code kept, and the fix names the Corporate CA field', async (_label, make, trustCa, code, words) => {
    const url = await serveWith(await make(pki));
    const r = await probeDataCenter(url, world.options(trustCa ? { ca: pki.caCert } : {}));
    expect(r).toMatchObject({ verdict: 'block', reason: 'tls' });
    expect(r.detail).toContain(words);
    expect(r.detail).toContain(`(${code}; direct connection, no proxy)`);
    expect(r.detail).toContain('Corporate CA field of the Target step');
  });
});
