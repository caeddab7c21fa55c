import type { CheckResults, Identity } from '../../shared/domain/checks';
import type { TargetConfig } from '../../shared/domain/target';

const identityNames = (id: Identity | undefined): Array<string | undefined> => [id?.display_name, id?.username, id?.email, id?.account_id];

/** The values of one target (and what its checks learned) that safe mode masks wherever they appear. */
export const sensitiveNamesOf = (t: TargetConfig | null | undefined, checks?: CheckResults): string[] => {
  if (t === null || t === undefined) return [];
  const names: Array<string | undefined> = [t.workspace, t.repository_slug, t.jira?.account_email, t.jira?.base_url, t.jira?.cloud_id, t.jira?.project_key];
  if (t.provider_key === 'bitbucket_cloud_issues') names.push(t.account_email);
  else {
    names.push(t.username, t.base_url, ...(t.ca?.certificates.map((c) => c.subject) ?? []));
    for (const c of Object.values(t.confirmations)) names.push(c?.confirmed_by);
  }
  names.push(...identityNames(checks?.auth?.identity), ...identityNames(checks?.jira?.identity));
  // The certificate the host presented names the organisation (subject and issuer, e.g. its CA).
  names.push(checks?.network?.tls?.subject, checks?.network?.tls?.issuer);
  return names.filter((n): n is string => n !== undefined);
};
