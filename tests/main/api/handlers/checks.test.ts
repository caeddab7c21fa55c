import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChecksRun, OAuthConnected } from '../../../../shared/contract/checks';
import type { CredentialsStatus } from '../../../../shared/contract/credentials';
import { SECRETS } from '../../../simulators/cloud-sim-state';
import { DC_SECRETS } from '../../../simulators/data-center-sim';
import { JIRA_SECRETS } from '../../../simulators/jira-sim';
import { okValue as value, useAtlassianSims } from '../../../support/atlassian-sims';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { testApi } from '../../../support/test-api';

const sims = useAtlassianSims();

const setup = () => {
  const keychain = memorySecretStore();
  const t = testApi({ secrets: keychain.store, network: simNetwork(sims.cloud.caCert), providers: simProviders(sims.cloud, [sims.dc, sims.jira]) });
  return { ...t, keychain };
};

const CLOUD = { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0' } as const;

describe('credentials.* and checks.run through the contract', () => {
  it('stores a secret only in the keychain, never echoes it, and a check run stores its verdicts', async () => {
    const t = setup();
    const saved = value<{ target: { id: string } }>(
      await t.api.call('targets.save', {
        target: { ...CLOUD, name: 'acme payments', workspace: 'acme', repository_slug: 'payments', auth_method: 'api_token', account_email: 'dana@acme.example', issue_workflow: 'jira', jira: { flavor: 'cloud', base_url: sims.jira.siteUrl, auth_method: 'api_token', account_email: 'dana@acme.example', project_key: 'SEC', issue_type: 'Bug' } },
      }),
    );
    const id = saved.target.id;
    const stored = await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: SECRETS.apiToken });
    expect(JSON.stringify(stored)).not.toContain(SECRETS.apiToken);
    expect(value(stored)).toMatchObject({ record: { target: { id }, credential: 'stored' }, kind: 'bitbucket', state: 'stored' });
    value(await t.api.call('credentials.store', { target_id: id, kind: 'jira', secret: JIRA_SECRETS.cloudToken }));
    expect(t.keychain.map.get(`${id}:bitbucket`)).toBe(SECRETS.apiToken);

    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(run.record.checks.issue_tracking).toMatchObject({ available: false, retired: true });
    expect(run.record.checks.jira?.status).toBe('ok');
    expect(run.record.readiness.verdict).toBe('ready');
    // The answer is the record as stored afterwards: nothing needs to re-read it.
    expect(run.record).toEqual(value(await t.api.call('targets.get', { id })));

    const handoff = value<ChecksRun>(await t.api.call('jira.check', { target_id: id }));
    expect(handoff.findings.map((f) => f.id)).toContain('jira');
    expect(handoff.record.checks.jira?.status).toBe('ok');
    expect(handoff.record).toEqual(value(await t.api.call('targets.get', { id })));
    const onDisk = readFileSync(join(t.dir, 'settings.json'), 'utf8');
    expect(onDisk).toContain('"retired": true');
    for (const s of [SECRETS.apiToken, JIRA_SECRETS.cloudToken]) expect(onDisk).not.toContain(s);

    const status = value<CredentialsStatus>(await t.api.call('credentials.status', { target_id: id }));
    expect(status.credentials).toEqual([
      { kind: 'bitbucket', state: 'stored' },
      { kind: 'jira', state: 'stored' },
      { kind: 'oauth_consumer', state: 'missing' },
    ]);
    t.cleanup();
  });

  it('a rejected credential shows as rejected; deleting removes it from the keychain', async () => {
    const t = setup();
    const id = value<{ target: { id: string } }>(
      await t.api.call('targets.save', { target: { ...CLOUD, workspace: 'acme', repository_slug: 'payments', auth_method: 'api_token', account_email: 'dana@acme.example' } }),
    ).target.id;
    value(await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: 'ATATT-not-valid' }));
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(run.record.readiness.blocking).toContain('PROVIDER_AUTH_REQUIRED');
    expect(value<CredentialsStatus>(await t.api.call('credentials.status', { target_id: id })).credentials[0]).toEqual({ kind: 'bitbucket', state: 'rejected' });
    expect(value(await t.api.call('credentials.delete', { target_id: id }))).toMatchObject({ record: { target: { id }, credential: 'missing' }, deleted: ['bitbucket'] });
    expect(t.keychain.map.size).toBe(0);
    t.cleanup();
  });

  it('Data Center through the contract: guarded client, no native issue route', async () => {
    const t = setup();
    const c = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };
    const id = value<{ target: { id: string } }>(
      await t.api.call('targets.save', {
        target: {
          provider_key: 'bitbucket_data_center_issues',
          deployment_mode: 'self-hosted',
          confirmations: { ownership: c, api_root_reachable: c, scan_authorized: c },
          base_url: sims.dc.baseUrl,
          allowlist_status: 'approved_tunnel',
          auth_method: 'http_access_token',
          workspace: 'SEC',
          repository_slug: 'payments',
          issue_workflow: 'portable',
          portable: { format: 'sarif' },
        },
      }),
    ).target.id;
    value(await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: DC_SECRETS.token }));
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(run.record.checks.auth).toMatchObject({ status: 'ok', identity: { username: 'dana' } });
    expect(run.record.checks.network?.api_root?.version).toBe('9.4.1');
    expect(run.record.checks.issue_tracking).toBeUndefined();
    const native = await t.api.call('targets.save', { target: { provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted', id, issue_workflow: 'native' } });
    expect(native.ok ? 'saved' : native.error.code).toBe('REQUEST_INVALID');
    t.cleanup();
  });

  it('Data Center without allowlist_status makes no provider call', async () => {
    const t = setup();
    const before = sims.dc.exchanges.length;
    const c = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };
    const id = value<{ target: { id: string } }>(
      await t.api.call('targets.save', {
        target: { provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted', confirmations: { ownership: c, api_root_reachable: c, scan_authorized: c }, base_url: sims.dc.baseUrl, auth_method: 'http_access_token', workspace: 'SEC', repository_slug: 'payments' },
      }),
    ).target.id;
    value(await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: DC_SECRETS.token }));
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(run.findings[0]?.code).toBe('ALLOWLIST_STATUS_MISSING');
    expect(sims.dc.exchanges.length).toBe(before);
    t.cleanup();
  });

  it('oauth.connect: consumer stored through credentials.store, tokens land in the keychain only, checks pass with them', async () => {
    const t = setup();
    const id = value<{ target: { id: string } }>(
      await t.api.call('targets.save', { target: { ...CLOUD, workspace: 'acme', repository_slug: 'legacy', auth_method: 'oauth', oauth_callback_url: sims.cloud.world.oauth.callbackUrl } }),
    ).target.id;
    value(await t.api.call('credentials.store', { target_id: id, kind: 'oauth_consumer', consumer_key: sims.cloud.world.oauth.clientId, secret: SECRETS.oauthClientSecret }));
    const connected = await t.api.call('oauth.connect', { target_id: id });
    expect(value(connected)).toMatchObject({ record: { target: { id }, credential: 'stored' }, state: 'stored', scopes: ['account', 'repository', 'issue:write'] });
    const access = t.keychain.map.get(`${id}:bitbucket`) ?? '';
    expect(access).toMatch(/^sim-oauth-access-/);
    expect(JSON.stringify(connected)).not.toContain(access);
    const run = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(run.record.checks.issue_tracking?.available).toBe(true);
    expect(run.record.checks.scopes).toMatchObject({ status: 'sufficient', credential_type: 'oauth2' });

    // The access token is revoked at the provider: the run refreshes it once and stores the new pair.
    delete sims.cloud.world.bearerTokens[access];
    const again = value<ChecksRun>(await t.api.call('checks.run', { target_id: id }));
    expect(again.record.checks.auth?.status).toBe('ok');
    expect(t.keychain.map.get(`${id}:bitbucket`)).not.toBe(access);

    // Signing in again issues a new token: the verdicts about the old one are gone from the answer and the file.
    const reconnected = value<OAuthConnected>(await t.api.call('oauth.connect', { target_id: id }));
    expect(reconnected.record.checks.auth).toBeUndefined();
    expect(reconnected.record.checks.scopes).toBeUndefined();
    expect(reconnected.record.credential).toBe('stored');
    expect(reconnected.record).toEqual(value(await t.api.call('targets.get', { id })));
    t.cleanup();
  });

  it('keychain unavailable → KEYCHAIN_UNAVAILABLE', async () => {
    const t = testApi({ secrets: memorySecretStore({}, { unavailable: true }).store, network: simNetwork(sims.cloud.caCert), providers: simProviders(sims.cloud, [sims.dc, sims.jira]) });
    const id = value<{ target: { id: string } }>(await t.api.call('targets.save', { target: { ...CLOUD, workspace: 'acme', repository_slug: 'payments' } })).target.id;
    for (const [name, payload] of [
      ['credentials.store', { target_id: id, kind: 'bitbucket', secret: 'x-secret' }],
      ['credentials.status', { target_id: id }],
      ['checks.run', { target_id: id }],
    ] as const) {
      const r = await t.api.call(name, payload);
      expect(r.ok ? 'ok' : r.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    }
    t.cleanup();
  });

  it('portable.sample answers each format', async () => {
    const t = setup();
    for (const format of ['json', 'csv', 'sarif'] as const) {
      const s = value<{ file_name: string; content: string }>(await t.api.call('portable.sample', { format }));
      expect(s.file_name.endsWith(format)).toBe(true);
      expect(s.content.length).toBeGreaterThan(100);
    }
    t.cleanup();
  });
});
