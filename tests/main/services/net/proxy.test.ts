import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyFor } from '../../../../main/services/net/proxy-env';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { startConnectProxy, type RunningProxy } from '../../../support/url-safety/connect-proxy';
import { APP_PROPS, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

const HOST = 'bitbucket.example-corp.com';

describe('proxyFor (HTTPS_PROXY / NO_PROXY)', () => {
  const P = 'http://proxy.corp:3128';
  it.each([
    [{}, HOST, 443, undefined],
    [{ HTTPS_PROXY: P }, HOST, 443, P],
    [{ https_proxy: P }, HOST, 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: 'example-corp.com' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '.example-corp.com' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '*.example-corp.com' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: 'other.com, bitbucket.example-corp.com:8443' }, HOST, 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: 'bitbucket.example-corp.com:8443' }, HOST, 8443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: 'corp.com' }, 'notcorp.com', 443, P],
    [{ HTTPS_PROXY: P, NO_PROXY: '*' }, HOST, 443, undefined],
    [{ HTTPS_PROXY: P, NO_PROXY: '10.1.2.3' }, '10.1.2.3', 443, undefined],
  ])('%j for %s:%i -> %s', (env, host, port, expected) => {
    expect(proxyFor(host, port, env)).toBe(expected);
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
    expect(proxy.connects).toEqual([`${HOST}:${server.port}`]);
    expect(world.dns.questions.length).toBeGreaterThan(asked);
    expect(r.stages.find((s) => s.stage === 'connection')?.detail).toBe('via proxy');
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
