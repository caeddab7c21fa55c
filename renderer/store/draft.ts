import type { CloudTarget, DataCenterTarget, TargetConfig, TargetDraft } from '../../shared/domain/target';
import { BITBUCKET_CLOUD_API_ROOT } from '../../shared/domain/provider-urls';
import type { ProviderKey } from '../../shared/domain/vocabulary';

export type CloudDraft = Extract<TargetDraft, { provider_key: 'bitbucket_cloud_issues' }>;
export type DataCenterDraft = Extract<TargetDraft, { provider_key: 'bitbucket_data_center_issues' }>;

/** A saved Cloud target as a draft to send back: the store owns the timestamps. */
export const cloudDraft = (target: CloudTarget): CloudDraft => {
  const { created_at: _c, updated_at: _u, ...rest } = target;
  return rest;
};

/**
 * A saved Data Center target as a draft to send back. The stored CA is not sent back: a draft
 * without `ca_pem` keeps it (the store derives the CA's facts itself).
 */
export const dataCenterDraft = (target: DataCenterTarget): DataCenterDraft => {
  const { created_at: _c, updated_at: _u, ca: _ca, ca_needs_choice: _n, ...rest } = target;
  return rest;
};

export const toDraft = (target: TargetConfig): TargetDraft =>
  target.provider_key === 'bitbucket_cloud_issues' ? cloudDraft(target) : dataCenterDraft(target);

/** A fresh draft for a provider; keeps the id when the admin switches provider on a draft. */
export const providerDraft = (provider: ProviderKey, id?: string): TargetDraft => {
  const keep = id === undefined ? {} : { id };
  return provider === 'bitbucket_cloud_issues'
    ? { ...keep, provider_key: provider, deployment_mode: 'cloud', base_url: BITBUCKET_CLOUD_API_ROOT }
    : { ...keep, provider_key: provider, deployment_mode: 'self-hosted' };
};
