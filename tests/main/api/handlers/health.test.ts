import { afterEach, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../../../shared/contract/health';
import { SIGNING_KEY_ACCOUNT } from '../../../../main/services/bundle/signing-key';
import { healthReport } from '../../../../main/services/health/health-report';
import { HEALTH_PROBE_ACCOUNT } from '../../../../main/services/health/keychain-probe';
import type { SecretStore } from '../../../../main/services/secrets/secret-store';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { testApi } from '../../../support/test-api';
import { testNetwork } from '../../../support/url-safety/test-network';

// health.report: what the status screen's health panel and `doctor` show. The keychain counts as
// available only when a probe entry was really written, read back and deleted.

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const report = async (over: Parameters<typeof testApi>[0] = {}): Promise<HealthReport> => {
  const t = testApi(over);
  cleanups.push(t.cleanup);
  const r = await t.api.call('health.report', {});
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value as HealthReport;
};

describe('health.report', () => {
  it('a malformed proxy setting: unhealthy, with the variable and what is wrong (what every check would answer), never its password', async () => {
    const r = await report({ network: testNetwork({ env: { HTTPS_PROXY: 'http://u:Secr3t@proxy.corp:3128/path' } }) });
    expect(r.healthy).toBe(false);
    expect(r.keychain.status).toBe('available');
    expect(r.proxy.problem).toEqual({ code: 'PROXY_CONFIG_INVALID', variable: 'HTTPS_PROXY', message: expect.stringMatching(/^HTTPS_PROXY is not usable: a proxy URL is scheme/) });
    expect(JSON.stringify(r)).not.toContain('Secr3t');
  });

  it('a malformed bypass list names the variable as spelled in the environment', async () => {
    const r = await report({ network: testNetwork({ env: { HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: 'good.example, bad host' } }) });
    expect(r.proxy.problem).toEqual({ code: 'PROXY_CONFIG_INVALID', variable: 'no_proxy', message: 'no_proxy is not usable: the entry "bad host" is not a host name, an IP address or range (CIDR), or *, each with an optional :port.' });
  });

  it('a working keychain: available, the probe entry gone afterwards, the signing key seen by name only', async () => {
    const keychain = memorySecretStore({ [SIGNING_KEY_ACCOUNT]: 'PRIVATE-KEY-PEM-never-read' });
    const reads: string[] = [];
    const store: SecretStore = { ...keychain.store, get: async (a) => {
        reads.push(a);
        return keychain.store.get(a);
      },
    };
    const r = await report({ secrets: store });
    expect(r).toMatchObject({ healthy: true, keychain: { status: 'available', store: 'os_keychain' }, signing_key: 'present', mode: 'test', runtime: { node: process.versions.node } });
    expect(reads).toEqual([HEALTH_PROBE_ACCOUNT]);
    expect([...keychain.map.keys()]).toEqual([SIGNING_KEY_ACCOUNT]);
    expect(JSON.stringify(r)).not.toContain('PRIVATE-KEY-PEM');
  });

  it('no signing key yet is absent, not unhealthy', async () => {
    expect(await report()).toMatchObject({ healthy: true, signing_key: 'absent' });
  });

  it('a private keyring of this run is reported as such', async () => {
    expect((await report({ keyring: 'private_session' })).keychain).toEqual({ status: 'available', store: 'private_session' });
  });

  it.each<[string, SecretStore, RegExp]>([
    ['no Secret Service', memorySecretStore({}, { unavailable: true }).store, /No Secret Service/],
    [
      'a keychain that takes an entry and gives back something else (locked)',
      { ...memorySecretStore().store, get: async () => null },
      /did not give it back/,
    ],
    [
      'a keychain that never answers (a password prompt nobody can see)',
      { ...memorySecretStore().store, set: () => new Promise<void>(() => undefined) },
      /did not answer within/,
    ],
  ])('%s: unhealthy, with the reason, and the signing key unknown', async (_name, secrets, reason) => {
    // The service itself, for a short probe timeout; the api path is the same function.
    const t = testApi({ secrets });
    cleanups.push(t.cleanup);
    const r = await healthReport({ appInfo: t.deps.appInfo, secrets, env: {}, keyring: 'os_keychain', probeTimeoutMs: 200 });
    expect(r).toMatchObject({ healthy: false, keychain: { status: 'unavailable' }, signing_key: 'unknown' });
    expect(r.keychain.reason).toMatch(reason);
  });

  it('proxy facts: the variable the app reads, the proxy origin without its password, the bypass list, and what it does not read', async () => {
    const env = { HTTPS_PROXY: 'http://svc-user:Pr0xy-Secret@proxy.corp.example:3128', NO_PROXY: ' .corp.example, localhost ,10.0.0.0/8', HTTP_PROXY: 'http://other:8080' };
    const r = await report({ network: testNetwork({ env }) });
    expect(r.proxy).toEqual({
      https: { variable: 'HTTPS_PROXY', origin: 'http://proxy.corp.example:3128' },
      no_proxy: { variable: 'NO_PROXY', entries: ['.corp.example', 'localhost', '10.0.0.0/8'] },
      ignored: ['HTTP_PROXY'],
    });
    expect(JSON.stringify(r)).not.toMatch(/Pr0xy-Secret|svc-user/);
  });

  it.each<[string, Record<string, string>, HealthReport['proxy']]>([
    ['nothing set', {}, { https: null, no_proxy: null, ignored: [] }],
    ['lower-case names', { https_proxy: 'http://p.example:8080', no_proxy: 'a.example' }, { https: { variable: 'https_proxy', origin: 'http://p.example:8080' }, no_proxy: { variable: 'no_proxy', entries: ['a.example'] }, ignored: [] }],
    ['a blank HTTPS_PROXY means direct', { HTTPS_PROXY: '  ' }, { https: null, no_proxy: null, ignored: [] }],
  ])('proxy facts, %s', async (_name, env, proxy) => {
    expect((await report({ network: testNetwork({ env }) })).proxy).toEqual(proxy);
  });
});
