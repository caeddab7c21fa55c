import { afterAll, beforeAll } from 'vitest';
import { startCloudSim, type CloudSim } from '../simulators/bitbucket-cloud-sim';
import { startDataCenterSim, type DataCenterSim } from '../simulators/data-center-sim';
import { startJiraSim, type JiraSim } from '../simulators/jira-sim';

// The three Atlassian simulators for one test file: started before its tests, closed after.

export interface AtlassianSims {
  cloud: CloudSim;
  dc: DataCenterSim;
  jira: JiraSim;
}

/** Call at the top of a test file; the fields are set once beforeAll ran. */
export const useAtlassianSims = (): AtlassianSims => {
  const sims = {} as AtlassianSims;
  beforeAll(async () => {
    [sims.cloud, sims.dc, sims.jira] = await Promise.all([startCloudSim(), startDataCenterSim(), startJiraSim()]);
  });
  afterAll(async () => {
    await Promise.all([sims.cloud.close(), sims.dc.close(), sims.jira.close()]);
  });
  return sims;
};

/** The value of an ok answer; a failed one fails the test with its code and message. */
export const okValue = <T>(r: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

const confirmed = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };

/** A Data Center draft on a simulator, ready once its token is stored: confirmed, tunnelled, SEC/payments, portable export. */
export const dataCenterDraft = (baseUrl: string): Record<string, unknown> => ({
  provider_key: 'bitbucket_data_center_issues',
  deployment_mode: 'self-hosted',
  confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
  base_url: baseUrl,
  allowlist_status: 'approved_tunnel',
  auth_method: 'http_access_token',
  workspace: 'SEC',
  repository_slug: 'payments',
  issue_workflow: 'portable',
  portable: { format: 'json' },
});
