import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../../main/api';
import type { ChecksRun } from '../../../../shared/contract/checks';
import { fixedClock } from '../../../../main/services/clock/clock';
import { createFileLogger } from '../../../../main/services/logging/logger';
import { writePortableSample } from '../../../../main/services/providers/portable/write-portable-sample';
import { createKeytarStore } from '../../../../main/services/secrets/keytar-store';
import { createConfSettingsStore } from '../../../../main/services/settings/conf-settings-store';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { issuedOAuthSecrets } from '../../../simulators/cloud-oauth-sim';
import { SECRETS } from '../../../simulators/cloud-sim-state';
import { DC_SECRETS, startDataCenterSim, type DataCenterSim } from '../../../simulators/data-center-sim';
import { JIRA_SECRETS, startJiraSim, type JiraSim } from '../../../simulators/jira-sim';
import { simNetwork, simProviders } from '../../../support/sim-providers';

// The credential door against a real Secret Service (gnome-keyring under dbus-run-session, as
// build/test.sh runs the suite), then a scan of everything the run wrote for every secret used.
// A unique keychain service per run; every entry is removed afterwards.

const service = `bts-test-credentials-${randomUUID()}`;
const dir = mkdtempSync(join(tmpdir(), 'bts-keychain-'));
const secrets = createKeytarStore(service);
const logger = createFileLogger({ file: join(dir, 'logs', 'app.log') });
const answers: string[] = [];
let cloud: CloudSim;
let dc: DataCenterSim;
let jira: JiraSim;
let api: ReturnType<typeof createApi>;

const call = async (name: string, payload: unknown) => {
  const r = await api.call(name, payload);
  const text = JSON.stringify(r);
  answers.push(text);
  logger.info(`api ${name}`, { result: r });
  return r;
};
const value = <T>(r: Awaited<ReturnType<typeof call>>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

beforeAll(async () => {
  [cloud, dc, jira] = await Promise.all([startCloudSim(), startDataCenterSim(), startJiraSim()]);
  let n = 0;
  api = createApi({
    appInfo: { name: 'Bitbucket Target Setup', version: '0.0.0-test', mode: 'test', runtime: { node: process.versions.node } },
    clock: fixedClock('2026-11-29T08:00:00.000Z'),
    settings: createConfSettingsStore({ dir }),
    secrets,
    newId: () => `id-${(n += 1)}`,
    network: simNetwork(cloud.caCert),
    providers: simProviders(cloud, [dc, jira]),
    logger,
  });
});

afterAll(async () => {
  for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([cloud.close(), dc.close(), jira.close()]);
});

describe('credentials in the real OS keychain', () => {
  let cloudId = '';
  it('credentials.store puts the secret in the Secret Service under <target id>:<kind>', async () => {
    cloudId = value<{ target: { id: string } }>(
      await call('targets.save', {
        target: {
          provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0', workspace: 'acme', repository_slug: 'legacy', auth_method: 'oauth', oauth_callback_url: cloud.world.oauth.callbackUrl,
          jira: { flavor: 'data_center', base_url: jira.dcBaseUrl, auth_method: 'personal_access_token', project_key: 'SEC', issue_type: 'Task' },
        },
      }),
    ).target.id;
    value(await call('credentials.store', { target_id: cloudId, kind: 'oauth_consumer', consumer_key: cloud.world.oauth.clientId, secret: SECRETS.oauthClientSecret }));
    value(await call('credentials.store', { target_id: cloudId, kind: 'jira', secret: JIRA_SECRETS.dcPat }));
    expect(await keytar.getPassword(service, `${cloudId}:jira`)).toBe(JIRA_SECRETS.dcPat);
    expect(value<{ credentials: unknown[] }>(await call('credentials.status', { target_id: cloudId })).credentials).toEqual([
      { kind: 'bitbucket', state: 'missing' },
      { kind: 'jira', state: 'stored' },
      { kind: 'oauth_consumer', state: 'stored' },
    ]);
  });

  it('OAuth tokens go to the keychain only; a check run reads them from there', async () => {
    value(await call('oauth.connect', { target_id: cloudId }));
    expect(await keytar.getPassword(service, `${cloudId}:bitbucket_refresh`)).toMatch(/^sim-oauth-refresh-/);
    const run = value<ChecksRun>(await call('checks.run', { target_id: cloudId }));
    expect(run.record.checks.auth?.status).toBe('ok');
    expect(run.record.checks.jira?.status).toBe('ok');
  });

  it('a Data Center target with basic auth', async () => {
    const c = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };
    const id = value<{ target: { id: string } }>(
      await call('targets.save', {
        target: {
          provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted', confirmations: { ownership: c, api_root_reachable: c, scan_authorized: c },
          base_url: dc.baseUrl, allowlist_status: 'direct', auth_method: 'basic', username: 'dana', workspace: 'SEC', repository_slug: 'payments',
        },
      }),
    ).target.id;
    value(await call('credentials.store', { target_id: id, kind: 'bitbucket', secret: DC_SECRETS.password }));
    const run = value<ChecksRun>(await call('checks.run', { target_id: id }));
    expect(run.record.checks.auth?.status).toBe('ok');
  });

  it('re-pointing a Data Center target at another host (or CA) deletes its entry from the real keychain', async () => {
    const c = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };
    const draft = {
      provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted', confirmations: { ownership: c, api_root_reachable: c, scan_authorized: c },
      allowlist_status: 'direct', auth_method: 'http_access_token', workspace: 'SEC', repository_slug: 'payments',
    };
    const id = value<{ target: { id: string } }>(await call('targets.save', { target: { ...draft, base_url: dc.baseUrl } })).target.id;
    value(await call('credentials.store', { target_id: id, kind: 'bitbucket', secret: DC_SECRETS.token }));
    expect(await keytar.getPassword(service, `${id}:bitbucket`)).toBe(DC_SECRETS.token);
    const moved = value<{ credential: string }>(await call('targets.save', { target: { ...draft, id, base_url: 'https://attacker.example/bitbucket' } }));
    expect(moved.credential).toBe('missing');
    expect(await keytar.getPassword(service, `${id}:bitbucket`)).toBeNull();
    expect((await keytar.findCredentials(service)).map((x) => x.account)).not.toContain(`${id}:bitbucket`);
  });

  it('deleting a target deletes its keychain entries', async () => {
    value(await call('targets.delete', { id: cloudId }));
    const left = (await keytar.findCredentials(service)).map((x) => x.account);
    expect(left.filter((a) => a.startsWith(`${cloudId}:`))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
  });
});

describe('secret scan after the run', () => {
  it('the settings file, the log, every api answer and every artifact hold none of the secrets used', async () => {
    await writePortableSample(dir, 'sarif', new Date('2026-11-29T08:00:00.000Z'));
    await logger.flush();
    const used = [...Object.values(SECRETS), ...Object.values(DC_SECRETS), ...Object.values(JIRA_SECRETS), ...issuedOAuthSecrets];
    expect(issuedOAuthSecrets.length).toBeGreaterThanOrEqual(2);
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(dir);
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('app.log'))).toBe(true);
    const log = readFileSync(join(dir, 'logs', 'app.log'), 'utf8');
    expect(log).toContain('"message":"checks.run"');
    expect(log).toContain('"message":"credentials.store"');
    const corpus = [...files.map((f) => readFileSync(f, 'utf8')), ...answers];
    for (const secret of used) {
      for (const text of corpus) expect(text.includes(secret), `a secret leaked (${secret.slice(0, 6)}…)`).toBe(false);
      // Nor as the base64 of the bare secret (a Bearer-style value copied into evidence).
      for (const text of corpus) expect(text.includes(Buffer.from(secret).toString('base64').slice(0, 16))).toBe(false);
    }
  });
});
