import type { DeploymentMode, ProviderKey } from '../../shared/domain/vocabulary';

export const PROVIDER_LABELS: Record<ProviderKey, string> = {
  bitbucket_cloud_issues: 'Bitbucket Cloud',
  bitbucket_data_center_issues: 'Bitbucket Data Center',
};

export const DEPLOYMENT_LABELS: Record<DeploymentMode, string> = {
  cloud: 'Cloud',
  'self-hosted': 'Self-hosted',
};
