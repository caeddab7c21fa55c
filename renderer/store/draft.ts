import type { TargetConfig, TargetDraft } from '../../shared/domain/target';
import { BITBUCKET_CLOUD_API_ROOT, type ProviderKey } from '../../shared/domain/vocabulary';

/** The saved target as a draft to send back: the store owns the timestamps. */
export const toDraft = (target: TargetConfig): TargetDraft => {
  if (target.provider_key === 'bitbucket_cloud_issues') {
    const { created_at: _c, updated_at: _u, ...rest } = target;
    return rest;
  }
  const { created_at: _c, updated_at: _u, ...rest } = target;
  return rest;
};

/** A fresh draft for a provider; keeps the id when the admin switches provider on a draft. */
export const providerDraft = (provider: ProviderKey, id?: string): TargetDraft => {
  const keep = id === undefined ? {} : { id };
  return provider === 'bitbucket_cloud_issues'
    ? { ...keep, provider_key: provider, deployment_mode: 'cloud', base_url: BITBUCKET_CLOUD_API_ROOT }
    : { ...keep, provider_key: provider, deployment_mode: 'self-hosted' };
};
