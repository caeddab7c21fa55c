import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkDiscovered } from '../../../../shared/contract/bulk';
import type { BundleExportResult } from '../../../../shared/contract/bundle';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { defaultCloudWorld, SECRETS } from '../../../simulators/cloud-sim-state';
import { bulkApi } from './bulk-harness';

// The same path for a Bitbucket Cloud workspace: the workspace listing (pagelen ≤ 100, `next`),
// each repository checked, one bundle.

let cloud: CloudSim;
const EXTRA = 250;
beforeAll(async () => {
  const world = defaultCloudWorld();
  const repositories = { ...world.repositories };
  for (let i = 1; i <= EXTRA; i += 1) repositories[`acme/svc-${String(i).padStart(3, '0')}`] = { uuid: `{bbbb0000-0000-4000-8000-${String(i).padStart(12, '0')}}`, is_private: true, projectKey: i % 2 === 0 ? 'PAY' : 'OPS' };
  cloud = await startCloudSim({ ...world, repositories });
});
afterAll(async () => {
  await cloud.close();
});

const CLOUD_INSTANCE = { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0', workspace: 'acme', auth_method: 'api_token', account_email: 'dana@acme.example' };

describe('bulk onboarding of a Bitbucket Cloud workspace', () => {
  it('discovers every repository of the workspace page by page, checks each, exports a bundle that verifies', async () => {
    const h = bulkApi([cloud], { cloudOrigin: cloud.origin, cloudApiRoot: cloud.apiRoot });
    try {
      const id = await h.setUp(CLOUD_INSTANCE, SECRETS.apiToken);
      const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id, routes: { default: { workflow: 'portable', format: 'sarif' }, projects: {} } });
      const acme = Object.keys(cloud.world.repositories).filter((k) => k.startsWith('acme/')).length;
      expect(found.plan.repositories).toHaveLength(acme);
      expect(found.pages).toBe(Math.ceil(acme / 100));
      expect(found.plan.instance_checks.workspace).toMatchObject({ role: 'owner', customer_owned: true });
      expect(found.plan.repositories.find((r) => r.slug === 'svc-002')?.project).toBe('PAY');

      const { plan } = await h.check(id, found.plan);
      expect(plan.repositories.every((r) => r.result?.verdict === 'ready')).toBe(true);
      const bundle = await h.call<BundleExportResult>('bulk.export', { plan });
      const v = await h.call<BundleVerification>('bundle.verify', { text: bundle.text, fingerprint: bundle.fingerprint });
      expect(v.verdict).toBe('valid');
      expect(v.summary).toMatchObject({ provider_key: 'bitbucket_cloud_issues', workspace: 'acme', repositories: { count: acme } });
      expect(bundle.text + bundle.summary_text).not.toContain(SECRETS.apiToken);
    } finally {
      h.cleanup();
    }
  });

  it('a workspace the user is only a collaborator of is not customer-owned: nothing is listed', async () => {
    const h = bulkApi([cloud], { cloudOrigin: cloud.origin, cloudApiRoot: cloud.apiRoot });
    try {
      const id = await h.setUp({ ...CLOUD_INSTANCE, workspace: 'guests' }, SECRETS.apiToken);
      const r = await h.api.call('bulk.discover', { target_id: id });
      expect(r).toMatchObject({ ok: false, error: { code: 'PROVIDER_WORKSPACE_NOT_OWNED' } });
    } finally {
      h.cleanup();
    }
  });
});
