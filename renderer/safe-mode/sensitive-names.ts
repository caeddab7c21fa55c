import type { TargetConfig } from '../../shared/domain/target';

/** The values of one target that safe mode masks wherever they appear. */
export const sensitiveNamesOf = (t: TargetConfig | null | undefined): string[] => {
  if (t === null || t === undefined) return [];
  const names: Array<string | undefined> = [t.workspace, t.repository_slug, t.jira?.account_email, t.jira?.base_url, t.jira?.cloud_id];
  if (t.provider_key === 'bitbucket_cloud_issues') names.push(t.account_email);
  else names.push(t.username, t.base_url, t.ca_file);
  return names.filter((n): n is string => n !== undefined);
};
