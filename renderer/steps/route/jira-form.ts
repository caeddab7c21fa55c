import type { JiraHandoff } from '../../../shared/domain/target';
import type { JiraAuthMethod, JiraFlavor } from '../../../shared/domain/vocabulary';

export interface JiraForm {
  flavor: JiraFlavor;
  base_url: string;
  auth_method: JiraAuthMethod;
  account_email: string;
  cloud_id: string;
  project_key: string;
  issue_type: string;
}

export const JIRA_AUTH_LABELS: Record<JiraAuthMethod, string> = {
  api_token: 'API token (account e-mail + token)',
  scoped_api_token: 'Scoped API token (through the Atlassian API gateway)',
  personal_access_token: 'Personal access token (Bearer)',
};

export const authMethodsFor = (flavor: JiraFlavor): JiraAuthMethod[] =>
  flavor === 'cloud' ? ['api_token', 'scoped_api_token'] : ['personal_access_token'];

export const formOf = (j: JiraHandoff | undefined): JiraForm => ({
  flavor: j?.flavor ?? 'cloud',
  base_url: j?.base_url ?? '',
  auth_method: j?.auth_method ?? 'api_token',
  account_email: j?.account_email ?? '',
  cloud_id: j?.cloud_id ?? '',
  project_key: j?.project_key ?? '',
  issue_type: j?.issue_type ?? '',
});

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The handoff as the target schema wants it: only the fields this flavor and auth method use. */
export const handoffOf = (f: JiraForm): JiraHandoff => {
  const auth = authMethodsFor(f.flavor).includes(f.auth_method) ? f.auth_method : (authMethodsFor(f.flavor)[0] ?? 'api_token');
  return {
    flavor: f.flavor,
    base_url: f.base_url.trim(),
    auth_method: auth,
    account_email: f.flavor === 'cloud' ? opt(f.account_email) : undefined,
    cloud_id: auth === 'scoped_api_token' ? opt(f.cloud_id) : undefined,
    project_key: opt(f.project_key.toUpperCase()),
    issue_type: opt(f.issue_type),
  };
};
