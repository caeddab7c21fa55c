import { BITBUCKET_CLOUD_API_ROOT } from './provider-urls';
import type { TargetConfig } from './target';

// Which host a target talks to, as the status card and a generated name show it. Pure over the
// types (no schema is built), so the first screen can use it.

type HostSource = Pick<TargetConfig, 'provider_key' | 'base_url'>;

const hostnameOf = (url: string): string | null => {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
};

/** The Data Center host from its base URL (null until one is entered or when it does not parse); Cloud: the fixed API host. */
export const targetHost = (t: HostSource): string | null =>
  hostnameOf(t.provider_key === 'bitbucket_cloud_issues' ? BITBUCKET_CLOUD_API_ROOT : (t.base_url ?? ''));
