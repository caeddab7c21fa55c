import type { Result } from '../../../shared/contract/define';
import type { ProviderOptions } from '../../../shared/contract/provider-options';
import type { CheckRunDeps } from '../../services/providers/provider-deps';
import { dataCenterProjectOptions, dataCenterRepositoryOptions } from '../../services/providers/options/data-center-options';
import { jiraIssueTypeOptions, jiraProjectOptions } from '../../services/providers/options/jira-options';
import type { StoredTarget } from '../../services/settings/settings-data';
import { loadTarget } from '../../services/targets/stored-targets';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { withKeychain } from './keychain-guard';

type OptionHandlers = Pick<Handlers, 'options.dataCenterProjects' | 'options.dataCenterRepositories' | 'options.jiraProjects' | 'options.jiraIssueTypes'>;

export const providerOptionHandlers = (deps: ApiDeps): OptionHandlers => {
  const run: CheckRunDeps = { ...deps.providers, network: deps.network, secrets: deps.secrets, clock: deps.clock };
  /** The saved target's list; facts only go to the log (how many, whether cut), never a name. */
  const listFor = (method: keyof OptionHandlers, targetId: string, list: (stored: StoredTarget) => Promise<Result<ProviderOptions>>) =>
    withKeychain(async () => {
      const stored = await loadTarget(deps.settings, targetId);
      if (!stored.ok) return stored;
      const r = await list(stored.value);
      deps.logger?.info(method, { target_id: targetId, outcome: r.ok ? 'listed' : r.error.code, ...(r.ok ? { items: r.value.items.length, truncated: r.value.truncated } : {}) });
      return r;
    });
  return {
    'options.dataCenterProjects': ({ target_id }) => listFor('options.dataCenterProjects', target_id, (s) => dataCenterProjectOptions(s, run)),
    'options.dataCenterRepositories': ({ target_id, project_key }) => listFor('options.dataCenterRepositories', target_id, (s) => dataCenterRepositoryOptions(s, run, project_key)),
    'options.jiraProjects': ({ target_id }) => listFor('options.jiraProjects', target_id, (s) => jiraProjectOptions(s, run)),
    'options.jiraIssueTypes': ({ target_id, project_key }) => listFor('options.jiraIssueTypes', target_id, (s) => jiraIssueTypeOptions(s, run, project_key)),
  };
};
