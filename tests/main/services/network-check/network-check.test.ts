import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecksRun } from '../../../../shared/contract/checks';
import type { TargetRecord } from '../../../../shared/contract/targets';
import type { NetworkCheck } from '../../../../shared/domain/checks';
import { testApi } from '../../../support/test-api';
import { dcDraft, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

// The wizard's check (url.checkTarget) and "Test connection" (checks.run) are one network check:
// fed the same instance, they store the same url_safety and network records — including for an
// instance whose application-properties carries buildNumber as a JSON number, which "Test
// connection" used to refuse (its own schema wanted a string) while the wizard's check passed.

const HOST = 'bitbucket.example-corp.com';
const TOKEN = 'BBDC-NzQ0-network-check-token-7a6b5c';

// GET /rest/api/1.0/application-properties as Atlassian documents it (version, buildNumber,
// buildDate, displayName; https://developer.atlassian.com/server/bitbucket/rest/v906/api-group-system-maintenance/#api-api-latest-application-properties-get),
// here with buildNumber and buildDate as numbers, as some instances and proxies re-serialise them.
const NUMERIC_PROPS = { version: '9.4.2', buildNumber: 9004002, buildDate: 1730000000000, displayName: 'Bitbucket' };

const v = <T>(r: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

const stable = (n: NetworkCheck | undefined) => (n === undefined ? undefined : { ...n, timings_ms: {}, checked_at: '' });

describe('one network check for the wizard and "Test connection"', () => {
  let world: TestWorld;
  let server: RunningServer;
  let caPem: string;

  beforeAll(async () => {
    world = await startWorld();
    const pki = await urlSafetyPki();
    server = await startHttps(await pki.leaf([HOST], []), (req, res) => {
      const authed = req.headers.authorization === `Bearer ${TOKEN}`;
      if (req.url === '/bb/rest/api/1.0/application-properties') {
        if (authed) res.setHeader('x-ausername', 'dana');
        json(res, 200, NUMERIC_PROPS);
      } else if (req.url === '/bb/rest/api/1.0/projects/SEC/repos/payments' && authed) {
        json(res, 200, { id: 11, slug: 'payments', name: 'payments', public: false, project: { key: 'SEC' } });
      } else json(res, 404, { errors: [{ message: 'not found' }] });
    }, TEST_ADDR);
    caPem = pki.caCert;
  });
  afterAll(async () => {
    await server.close();
    await world.close();
  });

  const savedTarget = async (t: ReturnType<typeof testApi>): Promise<string> => {
    const saved = v<TargetRecord>(
      await t.api.call('targets.save', {
        target: dcDraft(`https://${HOST}:${server.port}/bb`, caPem, { auth_method: 'http_access_token', workspace: 'SEC', repository_slug: 'payments' }),
      }),
    );
    v(await t.api.call('credentials.store', { target_id: saved.target.id, kind: 'bitbucket', secret: TOKEN }));
    return saved.target.id;
  };

  it('the wizard\'s check and "Test connection" store the same verdict (buildNumber as a number)', async () => {
    const t = testApi({ network: world.network });
    try {
      const id = await savedTarget(t);
      const wizard = v<{ url_safety: unknown; network?: NetworkCheck; record: TargetRecord }>(await t.api.call('url.checkTarget', { target_id: id }));
      expect(wizard.network).toMatchObject({ status: 'reached', api_root: { buildNumber: '9004002', version: '9.4.2' } });
      const run = v<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
      expect(run.findings.find((f) => f.id === 'instance')).toMatchObject({ verdict: 'pass' });
      expect(run.record.checks.auth).toMatchObject({ status: 'ok', identity: { username: 'dana' } });
      expect({ ...run.record.checks.url_safety, checked_at: '' }).toEqual({ ...(wizard.url_safety as object), checked_at: '' });
      expect(stable(run.record.checks.network)).toEqual(stable(wizard.network));
    } finally {
      t.cleanup();
    }
  });

  it('url.checkTarget answers the fresh record with the stored checks', async () => {
    const t = testApi({ network: world.network });
    try {
      const id = await savedTarget(t);
      const r = v<{ record: TargetRecord }>(await t.api.call('url.checkTarget', { target_id: id }));
      expect(r.record.target.id).toBe(id);
      expect(r.record.checks.network?.status).toBe('reached');
      expect(r.record.credential).toBe('stored');
      expect(r.record).toEqual(v<TargetRecord>(await t.api.call('targets.get', { id })));
    } finally {
      t.cleanup();
    }
  });

  it('one DNS resolution per check of a name: one A and one AAAA question for url.checkTarget', async () => {
    const t = testApi({ network: world.network });
    try {
      const id = await savedTarget(t);
      const before = world.dns.questions.length;
      v(await t.api.call('url.checkTarget', { target_id: id }));
      const asked = world.dns.questions.slice(before).filter((q) => q.name === HOST);
      expect(asked.map((q) => q.type).sort()).toEqual(['A', 'AAAA']);
    } finally {
      t.cleanup();
    }
  });
});
