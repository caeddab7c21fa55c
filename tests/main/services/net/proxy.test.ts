import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProxyEnv, proxyFor, type ProxyConfig, type ProxyEnv } from '../../../../main/services/net/proxy-env';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { startConnectProxy, type RunningProxy } from '../../../support/url-safety/connect-proxy';
import { APP_PROPS, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

const HOST = 'bitbucket.example-corp.com';

const configOf = (env: ProxyEnv): ProxyConfig => {
  const c = parseProxyEnv(env);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};

describe('proxyFor (HTTPS_PROXY / NO_PROXY)', () => {
  const P = 'http://proxy.corp:3128';
  it.each([
    [{}, HOST, 443, undefined],
    [{ HTTPS_PROXY: P }, HOST, 443, P],
    [{ https_proxy: P }, HOST, 443, P],
    [{ HTTPS_PROXY: '', https_proxy: P }, HOST, 443, undefined],
    [{ HTTPS_PROXY: 'http://user:pw@proxy.corp:3128/' }, HOST, 443, 'http://user:pw@proxy.corp:3128/'],
    [{ HTTPS_PROXY: P, NO_PROXY: 'example-corp.com' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '.example-corp.com' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '*.example-corp.com' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, no_proxy: 'Example-Corp.COM.' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: 'other.com, bitbucket.example-corp.com:8443' }, HOST, 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: 'bitbucket.example-corp.com:8443' }, HOST, 8443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: 'corp.com' }, 'notcorp.com', 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: '*' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '10.1.2.3' }, '10.1.2.3', 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, '10.1.2.3', 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, '11.1.2.3', 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, 'ten.example-corp.com', 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: '::1' }, '::1', 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: 'fd00::/8' }, 'fd12::5', 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '[fd12::5]:8443' }, 'fd12::5', 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: '[fd12::5]:8443' }, 'fd12::5', 8443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: 'localhost,,127.0.0.1, ' }, HOST, 443, P],
  ])('%j for %s:%i -> %s', (env, host, port, expected) => {
    expect(proxyFor(host, port, configOf(env))).toBe(expected);
  });

  // Each used to crash a request ("unexpected error: Invalid URL" from undici's ProxyAgent) or to
  // match nothing silently. The message names the variable and never quotes a proxy URL (it may
  // carry a password).
  it.each([
    [{ HTTPS_PROXY: 'http://[proxy.corp:3128' }, 'HTTPS_PROXY', /not a URL/u],
    [{ https_proxy: 'http://pr oxy:3128' }, 'https_proxy', /not a URL/u],
    [{ HTTPS_PROXY: 'proxy.corp:3128' }, 'HTTPS_PROXY', /http:\/\/ or https:\/\//u],
    [{ HTTPS_PROXY: 'socks5://proxy.corp:1080' }, 'HTTPS_PROXY', /http:\/\/ or https:\/\//u],
    [{ HTTPS_PROXY: 'http://proxy.corp:99999' }, 'HTTPS_PROXY', /not a URL/u],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128/pac?x=1' }, 'HTTPS_PROXY', /without a path/u],
    [{ HTTPS_PROXY: 'http://:s3cret-pw@proxy.corp:3128/x' }, 'HTTPS_PROXY', /without a path/u],
    [{ NO_PROXY: 'http://intranet.corp' }, 'NO_PROXY', /"http:\/\/intranet.corp"/u],
    [{ NO_PROXY: 'intranet.corp:0' }, 'NO_PROXY', /"intranet.corp:0"/u],
    [{ no_proxy: 'corp.com,10.0.0.0/33' }, 'no_proxy', /"10.0.0.0\/33"/u],
    [{ NO_PROXY: '192.168.*' }, 'NO_PROXY', /"192.168.\*"/u],
    [{ NO_PROXY: 'intra net.corp' }, 'NO_PROXY', /"intra net.corp"/u],
  ])('%j is PROXY_CONFIG_INVALID naming %s', (env, variable, problem) => {
    const c = parseProxyEnv(env);
    expect(c).toMatchObject({ ok: false, error: { code: 'PROXY_CONFIG_INVALID', details: { variable } } });
    expect(c.ok ? '' : c.error.message).toMatch(problem);
    expect(JSON.stringify(c)).not.toContain('s3cret-pw');
  });
});

describe('probe through an HTTPS proxy', () => {
  let world: TestWorld;
  let server: RunningServer;
  let proxy: RunningProxy;
  let ca: string;

  beforeAll(async () => {
    world = await startWorld({ 'meta.example-corp.com': ['169.254.169.254'] });
    const pki = await urlSafetyPki();
    ca = pki.caCert;
    server = await startHttps(await pki.leaf([HOST, 'meta.example-corp.com'], []), (_req, res) => json(res, 200, APP_PROPS), TEST_ADDR);
    proxy = await startConnectProxy(TEST_ADDR);
  });
  afterAll(async () => {
    await proxy.close();
    await server.close();
    await world.close();
  });

  it('goes through the proxy after the local checks, and records via_proxy', async () => {
    const asked = world.dns.questions.length;
    const r = await probeDataCenter(`https://${HOST}:${server.port}`, world.options({ ca, env: { HTTPS_PROXY: proxy.url } }));
    expect(r).toMatchObject({ verdict: 'allow', via_proxy: true, api_root: { version: '9.4.2' } });
    // The tunnel goes to the checked address (proxy-dns.test.ts shows why).
    expect(proxy.connects).toEqual([`${TEST_ADDR}:${server.port}`]);
    expect(world.dns.questions.length).toBeGreaterThan(asked);
    expect(r.stages.find((s) => s.stage === 'connection')?.detail).toBe(`via proxy, tunnel to ${TEST_ADDR}`);
  });

  it('still blocks a host whose local DNS answer is reserved, and the proxy is never asked', async () => {
    const before = proxy.connects.length;
    const r = await probeDataCenter(`https://meta.example-corp.com:${server.port}`, world.options({ ca, env: { HTTPS_PROXY: proxy.url } }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'reserved_ip', via_proxy: false });
    expect(proxy.connects.length).toBe(before);
  });

  it('connects directly (pinned) for a NO_PROXY host', async () => {
    const before = proxy.connects.length;
    const r = await probeDataCenter(`https://${HOST}:${server.port}`, world.options({ ca, env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'example-corp.com' } }));
    expect(r).toMatchObject({ verdict: 'allow', via_proxy: false });
    expect(r.tls?.issuer).toContain('URL-safety test CA');
    expect(proxy.connects.length).toBe(before);
  });
});
