import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UrlCheckResult, UrlProbeResult } from '../../../../shared/contract/url-safety';
import { CheckResults } from '../../../../shared/domain/checks';
import { isDataCenter } from '../../../../shared/domain/target';
import { testApi } from '../../../support/test-api';
import { APP_PROPS, dcDraft, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

// The contract methods over the engine: stateless check and probe, and the saved-target check
// that stores url_safety and network.

const HOST = 'bitbucket.example-corp.com';

describe('url.* handlers', () => {
  let world: TestWorld;
  let server: RunningServer;
  let caPem: string;
  let t: ReturnType<typeof testApi>;

  beforeAll(async () => {
    world = await startWorld();
    const pki = await urlSafetyPki();
    server = await startHttps(await pki.leaf([HOST], []), (req, res) => {
      if (req.url === '/bb/rest/api/1.0/application-properties') json(res, 200, APP_PROPS);
      else json(res, 404, {});
    }, TEST_ADDR);
    caPem = pki.caCert;
    t = testApi({ network: world.network });
  });
  afterAll(async () => {
    await server.close();
    await world.close();
    t.cleanup();
  });

  /** A saved direct Data Center target on the test server with `caPem` as its corporate CA. */
  const saveTarget = async (caPem: string): Promise<string> => {
    const saved = await t.api.call('targets.save', { target: dcDraft(`https://${HOST}:${server.port}/bb`, caPem) });
    if (!saved.ok) throw new Error(`targets.save failed: ${saved.error.message}`);
    return (saved.value as { target: { id: string } }).target.id;
  };

  it('url.check answers the verdict with one row per stage', async () => {
    const r = await t.api.call('url.check', { url: 'https://10.1.2.3/', offline: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = UrlCheckResult.parse(r.value);
    expect(v).toMatchObject({ verdict: 'block', reason: 'private_network', code: 'PROVIDER_BASE_URL_BLOCKED' });
    expect(v.stages.map((s) => s.stage)).toEqual(['syntax', 'dns', 'addresses', 'policy']);
    const tunnel = await t.api.call('url.check', { url: 'https://10.1.2.3/', allowlist_status: 'approved_tunnel' });
    expect(tunnel.ok && UrlCheckResult.parse(tunnel.value).verdict).toBe('allow');
    const cloud = await t.api.call('url.check', { url: 'https://10.1.2.3/', allowlist_status: 'approved_tunnel', deployment: 'cloud' });
    expect(cloud.ok && UrlCheckResult.parse(cloud.value).verdict).toBe('block');
  });

  it('url.check refuses unknown fields', async () => {
    const r = await t.api.call('url.check', { url: 'https://x.example-corp.com/', permit_cidrs: ['0.0.0.0/0'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });

  it('url.probe reaches the API root trusting the CA given as PEM text', async () => {
    const r = await t.api.call('url.probe', { base_url: `https://${HOST}:${server.port}/bb`, ca_pem: caPem });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = UrlProbeResult.parse(r.value);
    expect(p).toMatchObject({ verdict: 'allow', api_root: { version: '9.4.2' }, normalized: `https://${HOST}:${server.port}/bb` });
    expect(p.stages).toHaveLength(8);
    expect(p.tls?.issuer).toContain('URL-safety test CA');
  });

  it.each([
    ['no PEM block', 'just some text', 'no PEM certificate'],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'private key'],
    ['a block that is not X.509', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'does not parse as X.509'],
  ])('url.probe refuses a CA that is %s with CA_FILE_INVALID, before any request', async (_label, pem, reason) => {
    const before = server.connections;
    const bad = await t.api.call('url.probe', { base_url: `https://${HOST}:${server.port}/bb`, ca_pem: pem });
    expect(bad).toMatchObject({ ok: false, error: { code: 'CA_FILE_INVALID' } });
    expect(!bad.ok && bad.error.message).toContain(reason);
    expect(server.connections).toBe(before);
  });

  it('url.probe no longer takes a CA path: the input is strict', async () => {
    const r = await t.api.call('url.probe', { base_url: `https://${HOST}:${server.port}/bb`, ca_file: '/etc/ssl/corp-ca.pem' });
    expect(r).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });

  it('url.checkTarget stores url_safety and network in the saved target', async () => {
    const id = await saveTarget(caPem);
    const r = await t.api.call('url.checkTarget', { target_id: id });
    expect(r).toMatchObject({ ok: true, value: { url_safety: { status: 'passed' }, network: { status: 'reached', api_root: { displayName: 'Bitbucket' } } } });
    const got = await t.api.call('targets.get', { id });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const checks = CheckResults.parse((got.value as { checks: unknown }).checks);
    expect(checks.url_safety?.status).toBe('passed');
    expect(checks.network?.status).toBe('reached');
    expect(checks.network?.tls?.issuer).toContain('URL-safety test CA');
  });

  it('a CA text that is not PEM is refused by targets.save with CA_FILE_INVALID', async () => {
    const r = await t.api.call('targets.save', { target: dcDraft(`https://${HOST}:${server.port}/bb`, 'hello') });
    expect(r).toMatchObject({ ok: false, error: { code: 'CA_FILE_INVALID' } });
    expect(!r.ok && r.error.message).toContain('no PEM certificate');
  });

  it('url.checkTarget on a target whose CA must be chosen again answers CA_FILE_INVALID, with no connection made', async () => {
    const id = await saveTarget(caPem);
    const data = await t.deps.settings.read();
    if (!data.ok) throw new Error(data.error.message);
    const lost = data.value.targets.map((s) => (s.target.id === id && isDataCenter(s.target) ? { ...s, target: { ...s.target, ca: undefined, ca_needs_choice: { reason: 'The CA file an earlier version of the app used could not be read (ENOENT).' } } } : s));
    await t.deps.settings.write({ ...data.value, targets: lost });
    const before = server.connections;
    const r = await t.api.call('url.checkTarget', { target_id: id });
    expect(r).toMatchObject({ ok: false, error: { code: 'CA_FILE_INVALID' } });
    expect(!r.ok && r.error.message).toContain('Choose the corporate CA again');
    expect(server.connections).toBe(before);
  });

  it('url.checkTarget on an unknown target is TARGET_NOT_FOUND', async () => {
    expect(await t.api.call('url.checkTarget', { target_id: 'nope' })).toMatchObject({ ok: false, error: { code: 'TARGET_NOT_FOUND' } });
  });
});
