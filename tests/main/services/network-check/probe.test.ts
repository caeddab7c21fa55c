import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { APP_PROPS, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki, type UrlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

const HOST = 'bitbucket.example-corp.com';

describe('probe of a Data Center API root over the pinned connection', () => {
  let world: TestWorld;
  let pki: UrlSafetyPki;
  let server: RunningServer;

  beforeAll(async () => {
    world = await startWorld();
    pki = await urlSafetyPki();
    server = await startHttps(await pki.leaf([HOST], []), (req, res) => {
      if (req.url === '/bitbucket/rest/api/1.0/application-properties') json(res, 200, APP_PROPS);
      else json(res, 404, { errors: [] });
    }, TEST_ADDR);
  });
  afterAll(async () => {
    await server.close();
    await world.close();
  });

  it('keeps the context path, records the API root, TLS evidence, addresses and every stage', async () => {
    const r = await probeDataCenter(`https://${HOST.toUpperCase()}:${server.port}/bitbucket/`, world.options({ ca: pki.caCert }));
    expect(r.verdict).toBe('allow');
    expect(r.code).toBeNull();
    expect(r.normalized).toBe(`https://${HOST}:${server.port}/bitbucket`);
    expect(r.api_root).toEqual({ version: '9.4.2', buildNumber: '9004002', displayName: 'Bitbucket' });
    expect(r.addresses).toEqual([{ ip: TEST_ADDR, range: 'loopback', family: 4 }]);
    expect(r.tls?.fingerprint_sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/u);
    expect(r.tls?.spki_sha256).toMatch(/^[A-Za-z0-9+/]{43}=$/u);
    expect(r.tls?.subject).toContain(HOST);
    expect(r.tls?.issuer).toContain('URL-safety test CA');
    expect(Date.parse(r.tls?.valid_to ?? '')).toBeGreaterThan(Date.now());
    expect(r.stages.map((s) => [s.stage, s.status])).toEqual([
      ['syntax', 'passed'],
      ['dns', 'passed'],
      ['addresses', 'passed'],
      ['policy', 'passed'],
      ['connection', 'passed'],
      ['tls', 'passed'],
      ['redirects', 'passed'],
      ['api_root', 'passed'],
    ]);
    expect(server.seen.at(-1)?.url).toBe('/bitbucket/rest/api/1.0/application-properties');
  });

  it('blocks a base URL whose API root is not Bitbucket (HTTP 404) as unreachable', async () => {
    const r = await probeDataCenter(`https://${HOST}:${server.port}/`, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', code: 'PROVIDER_BASE_URL_BLOCKED', reason: 'unreachable', api_root: null });
    expect(r.stages.find((s) => s.stage === 'api_root')?.status).toBe('failed');
  });

  it('reports the literal address of a base URL blocked before DNS', async () => {
    const r = await probeDataCenter('https://[fd00::5]/bitbucket', world.options());
    expect(r).toMatchObject({ verdict: 'block', reason: 'private_network', normalized: 'https://[fd00::5]/bitbucket' });
    expect(r.addresses).toEqual([{ ip: 'fd00::5', range: 'uniqueLocal', family: 6 }]);
    // A private address is a policy refusal: the address stage classifies it, the policy stage fails.
    expect(r.stages.map((s) => s.status)).toEqual(['passed', 'skipped', 'passed', 'failed', 'skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('never connects when the name resolves to a blocked address', async () => {
    const blocked = await startWorld({ [HOST]: ['169.254.169.254'] });
    const before = server.connections;
    const r = await probeDataCenter(`https://${HOST}:${server.port}/bitbucket`, blocked.options({ ca: pki.caCert }));
    await blocked.close();
    expect(r).toMatchObject({ verdict: 'block', reason: 'reserved_ip', tls: null });
    expect(r.addresses).toEqual([{ ip: '169.254.169.254', range: 'cloudMetadata', family: 4 }]);
    expect(server.connections).toBe(before);
  });
});
