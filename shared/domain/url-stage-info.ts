import type { UrlStageName } from '../contract/url-safety';
import type { BlockReason, CheckResults } from './checks';

// The stages of the URL-safety check and probe in words, and the block reasons that fail each:
// the stage table, the step graph's lock text and the Target step's hints all read them here.

export const URL_STAGE_INFO: Readonly<Record<UrlStageName, { readonly title: string; readonly fails: readonly BlockReason[] }>> = {
  syntax: { title: 'Syntax and scheme', fails: ['syntax', 'scheme', 'userinfo'] },
  dns: { title: 'DNS', fails: ['dns'] },
  addresses: { title: 'Addresses', fails: ['reserved_ip'] },
  policy: { title: 'Network policy', fails: ['private_network'] },
  connection: { title: 'Connection', fails: ['unreachable', 'timeout', 'proxy_refused_ip'] },
  tls: { title: 'TLS', fails: ['tls'] },
  redirects: { title: 'Redirects', fails: ['redirect'] },
  api_root: { title: 'API root', fails: ['too_large', 'ownership'] },
};

export interface FailedStage {
  readonly stage: UrlStageName;
  readonly title: string;
  readonly reason: BlockReason;
  readonly detail?: string;
}

const stageOf = (reason: BlockReason): UrlStageName =>
  (Object.entries(URL_STAGE_INFO) as Array<[UrlStageName, { fails: readonly BlockReason[] }]>).find(([, info]) => info.fails.includes(reason))?.[0] ?? 'syntax';

/** The stage where the last URL check or probe of a base URL stopped, or null when neither failed. */
export const failedStageOf = (checks: CheckResults): FailedStage | null => {
  const failed = checks.url_safety?.status === 'blocked' ? checks.url_safety : checks.network?.status === 'failed' ? checks.network : undefined;
  if (failed === undefined) return null;
  // A blocked record always names its reason; one without is read as a syntax refusal.
  const reason = failed.reason ?? 'syntax';
  const stage = stageOf(reason);
  return { stage, title: URL_STAGE_INFO[stage].title, reason, ...(failed.detail !== undefined ? { detail: failed.detail } : {}) };
};
