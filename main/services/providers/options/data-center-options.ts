import { fail, type Result } from '../../../../shared/contract/define';
import type { ProviderOptions } from '../../../../shared/contract/provider-options';
import { isDataCenter } from '../../../../shared/domain/target';
import { targetScrubber } from '../../scrub/target-secrets';
import type { StoredTarget } from '../../settings/settings-data';
import type { Paged } from '../common/pager';
import type { CallResult } from '../common/provider-result';
import { DC_PAGE_LIMIT, type DataCenterClient } from '../data-center/dc-client';
import type { CheckRunDeps } from '../provider-deps';
import { boundDataCenterCredential, dataCenterClientFor } from '../run-data-center-target';
import { optionsOf, pagesFor, type OptionOf } from './option-list';

// Data Center projects and repositories for the Target step's fields, with the target's keychain
// credential, through the client the checks use (URL-safety client, credential guard): a
// credential bound to another origin or CA than the target now names is withheld, never sent.

const listWith = async <T>(stored: StoredTarget, deps: CheckRunDeps, list: (client: DataCenterClient) => Promise<CallResult<Paged<T>>>, toOption: OptionOf<T>): Promise<Result<ProviderOptions>> => {
  const t = stored.target;
  if (!isDataCenter(t)) return fail('REQUEST_INVALID', 'Only a Bitbucket Data Center target lists projects and repositories here.');
  if (t.allowlist_status === undefined) return fail('ALLOWLIST_STATUS_MISSING', 'Choose how WebRiskOps reaches the host before any provider call.');
  const baseUrl = t.base_url;
  if (baseUrl === undefined) return fail('PROVIDER_BASE_URL_BLOCKED', 'Enter the Data Center base URL first.');
  const credential = await boundDataCenterCredential(t, deps, stored.credential_binding?.bitbucket);
  if (!credential.ok) return fail('PROVIDER_AUTH_REQUIRED', credential.detail);
  const client = await dataCenterClientFor({ ...t, base_url: baseUrl }, deps, credential);
  if (!client.ok) return client;
  return optionsOf(await list(client.value), toOption, await targetScrubber(deps.secrets, t));
};

const MAX_PAGES = pagesFor(DC_PAGE_LIMIT);

/** The projects the stored credential can see (`/rest/api/1.0/projects`). */
export const dataCenterProjectOptions = (stored: StoredTarget, deps: CheckRunDeps): Promise<Result<ProviderOptions>> =>
  listWith(stored, deps, (c) => c.projects(MAX_PAGES), (p) => ({ key: p.key, name: p.name }));

/** The repositories of one project (`/rest/api/1.0/projects/{key}/repos`); an unknown project is PROVIDER_RESOURCE_NOT_FOUND. */
export const dataCenterRepositoryOptions = (stored: StoredTarget, deps: CheckRunDeps, projectKey: string): Promise<Result<ProviderOptions>> =>
  listWith(stored, deps, (c) => c.repositories(projectKey, MAX_PAGES), (r) => ({ key: r.slug, name: r.name }));
