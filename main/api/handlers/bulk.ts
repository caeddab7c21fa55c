import { fail, ok, type Result } from '../../../shared/contract/define';
import type { BulkPlan } from '../../../shared/domain/bulk-plan';
import type { TargetConfig } from '../../../shared/domain/target';
import { createBulkJobs } from '../../services/bulk/check-job';
import { discoverRepositories } from '../../services/bulk/discover';
import type { BulkDeps } from '../../services/bulk/instance';
import { loadTarget } from '../../services/targets/stored-targets';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { withKeychain } from './keychain-guard';
import { secretUse, type CredentialBindings } from '../../../shared/domain/credential-binding';

type BulkHandlers = Pick<Handlers, 'bulk.discover' | 'bulk.checkStart' | 'bulk.checkProgress' | 'bulk.checkCancel'>;

/** The plan names the instance it was discovered on; a check runs only against that instance. */
const sameInstance = (t: TargetConfig, plan: BulkPlan): boolean =>
  t.provider_key === plan.instance.provider_key && t.base_url === plan.instance.base_url && (t.provider_key === 'bitbucket_data_center_issues' || t.workspace === plan.instance.workspace);

/** A bulk run uses the stored Bitbucket secret only where it was entered for (as a check run does). */
const boundTarget = (stored: { target: TargetConfig; credential_binding?: CredentialBindings }): Result<TargetConfig> => {
  const use = secretUse(stored.target, 'bitbucket', stored.credential_binding?.bitbucket);
  return use.usable ? ok(stored.target) : fail('PROVIDER_AUTH_REQUIRED', use.reason);
};

export const bulkHandlers = (deps: ApiDeps): BulkHandlers => {
  const run: BulkDeps = { ...deps.providers, network: deps.network, secrets: deps.secrets, clock: deps.clock };
  // One job list per api: the process that holds the api runs the checks its callers poll.
  const jobs = createBulkJobs();
  return {
    'bulk.discover': ({ target_id, projects, match, exclude, routes }) =>
      withKeychain(async () => {
        const stored = await loadTarget(deps.settings, target_id);
        if (!stored.ok) return stored;
        const target = boundTarget(stored.value);
        if (!target.ok) return target;
        const r = await discoverRepositories(run, target.value, { projects, match, exclude, routes });
        deps.logger?.info('bulk.discover', { target_id, outcome: r.ok ? 'listed' : r.error.code, ...(r.ok ? { pages: r.value.pages, repositories: r.value.plan.repositories.length } : {}) });
        return r;
      }),
    'bulk.checkStart': ({ target_id, plan, concurrency }) =>
      withKeychain(async () => {
        const stored = await loadTarget(deps.settings, target_id);
        if (!stored.ok) return stored;
        const target = boundTarget(stored.value);
        if (!target.ok) return target;
        if (!sameInstance(target.value, plan)) return fail('REQUEST_INVALID', 'The plan was discovered on another instance than this target.');
        const r = jobs.start(run, target.value, plan, concurrency);
        if (r.ok) deps.logger?.info('bulk.checkStart', { target_id, job_id: r.value.job_id, to_check: r.value.to_check, concurrency });
        return r;
      }),
    'bulk.checkProgress': async ({ job_id, cursor }) => jobs.progress(job_id, cursor),
    'bulk.checkCancel': async ({ job_id }) => jobs.cancel(job_id),
  };
};
