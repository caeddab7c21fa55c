import type { ApiDeps } from '../../../../main/api';
import type { Sleep } from '../../../../main/services/net/retry-after';
import { createFixedOriginHttpClient } from '../../../../main/services/providers/common/fixed-origin-client';
import type { BulkProgress } from '../../../../shared/contract/bulk';
import type { BulkPlan } from '../../../../shared/domain/bulk-plan';
import type { RunningSim } from '../../../simulators/https-sim';
import { okValue } from '../../../support/atlassian-sims';
import { confirmed } from '../../../support/domain-builders';
import { simNetwork } from '../../../support/sim-providers';
import { testApi } from '../../../support/test-api';

// One api wired to a bulk simulator (its network permits loopback and trusts the simulators' CA),
// with the bulk calls a caller makes: save the instance, store its credential, discover, check to
// the end (merging results into the plan as the CLI and the UI do), export.

export const dataCenterInstance = (baseUrl: string) => ({
  provider_key: 'bitbucket_data_center_issues' as const,
  deployment_mode: 'self-hosted' as const,
  confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
  base_url: baseUrl,
  allowlist_status: 'approved_tunnel' as const,
  auth_method: 'http_access_token' as const,
});

export const bulkApi = (sims: readonly RunningSim[], over: { sleep?: Sleep; cloudOrigin?: string; cloudApiRoot?: string } = {}) => {
  const caCert = sims[0]?.caCert ?? '';
  const deps: Partial<ApiDeps> = {
    network: simNetwork(caCert),
    providers: {
      cloudHttp: createFixedOriginHttpClient({ origins: over.cloudOrigin === undefined ? [] : [over.cloudOrigin], ca: caCert }),
      sleep: over.sleep ?? (async () => undefined),
      openExternal: async () => undefined,
      ...(over.cloudApiRoot === undefined ? {} : { cloudApiRoot: over.cloudApiRoot }),
      maxRetryWaitMs: 10_000,
    },
  };
  const t = testApi(deps);
  const call = <T>(name: string, input: unknown): Promise<T> => t.api.call(name, input).then((r) => okValue<T>(r as never));

  const setUp = async (target: Record<string, unknown>, secret: string): Promise<string> => {
    const saved = await call<{ target: { id: string } }>('targets.save', { target });
    await call('credentials.store', { target_id: saved.target.id, kind: 'bitbucket', secret });
    return saved.target.id;
  };

  /** Polls until the job is no longer running; `onPoll` may cancel. Results are merged into the plan. */
  const check = async (id: string, plan: BulkPlan, o: { concurrency?: number; onPoll?: (p: BulkProgress, jobId: string) => Promise<void> } = {}) => {
    const started = await call<{ job_id: string; to_check: number }>('bulk.checkStart', { target_id: id, plan, concurrency: o.concurrency ?? 8 });
    let cursor = 0;
    let merged = plan;
    for (;;) {
      const p = await call<BulkProgress>('bulk.checkProgress', { job_id: started.job_id, cursor });
      cursor = p.next_cursor;
      const repositories = [...merged.repositories];
      for (const { index, result } of p.results) repositories[index] = { ...(repositories[index] as BulkPlan['repositories'][number]), result };
      merged = { ...merged, repositories, instance_checks: p.instance_checks, route_checks: p.route_checks };
      if (p.state !== 'running') return { plan: merged, progress: p, toCheck: started.to_check };
      await o.onPoll?.(p, started.job_id);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { ...t, call, setUp, check };
};
