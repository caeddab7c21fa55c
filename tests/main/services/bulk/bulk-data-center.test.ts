import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkDiscovered } from '../../../../shared/contract/bulk';
import type { BundleExportResult } from '../../../../shared/contract/bundle';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { BULK_DC_ONE_PROJECT_TOKEN, BULK_DC_TOKEN, startBulkDataCenterSim, type BulkDcSim } from '../../../simulators/data-center-bulk-sim';
import { bulkApi, dataCenterInstance } from './bulk-harness';

// Acceptance of issue 16 against a Data Center of 1,200 repositories in 40 projects, paged at
// most 100 at a time: discover finds 1,200 (each page read once); check marks them all; export
// writes one bundle that verify accepts with the pin and reports as holding 1,200; a tampered entry
// is rejected.

let sim: BulkDcSim;
beforeAll(async () => {
  sim = await startBulkDataCenterSim();
});
afterAll(async () => {
  await sim.close();
});

const tamper = (bundleText: string, edit: (payload: Record<string, unknown>) => void): string => {
  const env = JSON.parse(bundleText) as { payload: string };
  const payload = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, unknown>;
  edit(payload);
  return JSON.stringify({ ...env, payload: Buffer.from(JSON.stringify(payload), 'utf8').toString('base64') });
};

describe('bulk onboarding of a Data Center instance', () => {
  it('discovers 1,200, checks all 1,200 ready, exports one bundle that verifies with 1,200 repositories; a tampered entry is rejected', async () => {
    const h = bulkApi([sim]);
    try {
      const id = await h.setUp(dataCenterInstance(sim.baseUrl), BULK_DC_TOKEN);
      const pagesBefore = sim.stats.listPages;
      const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id });
      expect(found.plan.repositories).toHaveLength(1200);
      expect(new Set(found.plan.repositories.map((r) => `${r.project}/${r.slug}`)).size).toBe(1200);
      expect(new Set(found.plan.repositories.map((r) => r.project)).size).toBe(40);
      // 1,200 at most 100 a page: 12 pages, each read once.
      expect(found.pages).toBe(12);
      expect(sim.stats.listPages - pagesBefore).toBe(12);
      expect(new Set(sim.stats.pageStarts).size).toBe(sim.stats.pageStarts.length);
      expect(found.plan.instance_checks.network?.status).toBe('reached');
      expect(found.plan.instance_checks.auth).toMatchObject({ status: 'ok', identity: { username: 'dana' } });
      expect(found.plan.instance).not.toHaveProperty('repository_slug');

      const checked = await h.check(id, found.plan, { concurrency: 16 });
      expect(checked.progress.state).toBe('done');
      expect(checked.progress.checked).toBe(1200);
      expect(checked.plan.repositories.every((r) => r.result?.verdict === 'ready')).toBe(true);

      const bundle = await h.call<BundleExportResult>('bulk.export', { plan: checked.plan });
      const v = await h.call<BundleVerification>('bundle.verify', { text: bundle.text, fingerprint: bundle.fingerprint });
      expect(v.verdict).toBe('valid');
      expect(v.summary?.format_version).toBe(2);
      expect(v.summary?.repositories?.count).toBe(1200);
      expect(v.summary?.repositories?.totals.ready).toBe(1200);
      expect(v.summary?.repositories?.list).toHaveLength(1200);
      // Version 2 carries the radar section too: the instance's certificate and the Data Center end of life.
      expect(v.payload?.radar?.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['certificate', 'platform_end_of_life']));

      // One entry changed after signing: a verdict, or a repository dropped from the list.
      const changed = tamper(bundle.text, (p) => {
        const repos = p['repositories'] as Array<Record<string, unknown>>;
        (repos[7] as Record<string, unknown>)['verdict'] = 'forbidden';
      });
      const t1 = await h.call<BundleVerification>('bundle.verify', { text: changed, fingerprint: bundle.fingerprint });
      expect(t1.verdict).toBe('BUNDLE_SIGNATURE_INVALID');
      expect(t1.summary).toBeNull();
      const dropped = tamper(bundle.text, (p) => {
        (p['repositories'] as unknown[]).splice(3, 1);
      });
      expect((await h.call<BundleVerification>('bundle.verify', { text: dropped, fingerprint: bundle.fingerprint })).verdict).toBe('BUNDLE_SIGNATURE_INVALID');
    } finally {
      h.cleanup();
    }
  });

  it('filters by project and name pattern, marks the exclusion list excluded, and asks per project', async () => {
    const h = bulkApi([sim]);
    try {
      const id = await h.setUp(dataCenterInstance(sim.baseUrl), BULK_DC_TOKEN);
      const before = sim.stats.pageStarts.length;
      const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id, projects: ['P002', 'P007'], match: 'repo-0?1', exclude: ['P007/*'] });
      expect(found.plan.repositories.map((r) => `${r.project}/${r.slug}:${r.excluded}`)).toEqual([
        'P002/repo-001:false',
        'P002/repo-011:false',
        'P002/repo-021:false',
        'P007/repo-001:true',
        'P007/repo-011:true',
        'P007/repo-021:true',
      ]);
      expect(sim.stats.pageStarts.slice(before).every((p) => /\/projects\/P00[27]\/repos/.test(p))).toBe(true);
    } finally {
      h.cleanup();
    }
  });

  it('a repository the credential may not see is not_found, an archived one archived; check exits the verdicts, export carries them', async () => {
    const archived = await startBulkDataCenterSim({ projects: 2, perProject: 10, archivedEvery: 5 });
    const h = bulkApi([archived]);
    try {
      const id = await h.setUp(dataCenterInstance(archived.baseUrl), BULK_DC_ONE_PROJECT_TOKEN);
      const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id });
      // The credential sees one project; the admin adds a repository of the other by hand.
      expect(found.plan.repositories).toHaveLength(10);
      const plan = { ...found.plan, repositories: [...found.plan.repositories, { project: 'P002', slug: 'repo-001', excluded: false }] };
      const checked = await h.check(id, plan);
      const verdicts = Object.fromEntries(checked.plan.repositories.map((r) => [`${r.project}/${r.slug}`, r.result?.verdict]));
      expect(verdicts['P001/repo-005']).toBe('archived');
      expect(verdicts['P001/repo-001']).toBe('ready');
      expect(verdicts['P002/repo-001']).toBe('not_found');
      const bundle = await h.call<BundleExportResult>('bulk.export', { plan: checked.plan });
      const v = await h.call<BundleVerification>('bundle.verify', { text: bundle.text, fingerprint: bundle.fingerprint });
      expect(v.verdict).toBe('valid');
      expect(v.summary?.repositories?.totals).toMatchObject({ ready: 8, archived: 2, not_found: 1 });
    } finally {
      h.cleanup();
      await archived.close();
    }
  });

  it('a wrong credential stops discovery at the instance, before any repository is listed', async () => {
    const h = bulkApi([sim]);
    try {
      const id = await h.setUp(dataCenterInstance(sim.baseUrl), 'BBDC-not-a-known-token-000000');
      const pages = sim.stats.listPages;
      const r = await h.api.call('bulk.discover', { target_id: id });
      expect(r).toMatchObject({ ok: false, error: { code: 'PROVIDER_AUTH_REQUIRED' } });
      expect(sim.stats.listPages).toBe(pages);
    } finally {
      h.cleanup();
    }
  });
});
