import type { TargetConfig } from './target';

// Which kind of target a config is. Pure functions over the types only, without the schemas of
// target.ts, so code that only asks (the step graph, the renderer's first screen) does not build
// them (docs/performance.md).

export const deploymentModeFor = (provider: TargetConfig['provider_key']): TargetConfig['deployment_mode'] =>
  provider === 'bitbucket_cloud_issues' ? 'cloud' : 'self-hosted';

/** Also narrows a bundle's target (shared/domain/bundle.ts), whose Data Center variant holds a CA summary. */
export const isDataCenter = <T extends { readonly provider_key: TargetConfig['provider_key'] }>(t: T): t is Extract<T, { provider_key: 'bitbucket_data_center_issues' }> =>
  t.provider_key === 'bitbucket_data_center_issues';
export const isCloud = <T extends { readonly provider_key: TargetConfig['provider_key'] }>(t: T): t is Extract<T, { provider_key: 'bitbucket_cloud_issues' }> =>
  t.provider_key === 'bitbucket_cloud_issues';
