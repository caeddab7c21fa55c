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
