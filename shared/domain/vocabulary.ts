import { z } from 'zod';

// The closed vocabularies of PRODUCT.md. Each is a zod enum so a value read from a file, an IPC
// payload or an HTTP body is checked against the same list the UI shows.

export { BITBUCKET_CLOUD_API_ROOT } from './provider-urls';

export const ProviderKey = z.enum(['bitbucket_cloud_issues', 'bitbucket_data_center_issues']);
export type ProviderKey = z.infer<typeof ProviderKey>;

export const DeploymentMode = z.enum(['cloud', 'self-hosted']);
export type DeploymentMode = z.infer<typeof DeploymentMode>;

/** Cloud auth methods. `app_password` is recognised only to explain that it was retired. */
export const CloudAuthMethod = z.enum(['api_token', 'oauth', 'access_token', 'app_password']);
export type CloudAuthMethod = z.infer<typeof CloudAuthMethod>;

export const DataCenterAuthMethod = z.enum(['http_access_token', 'basic']);
export type DataCenterAuthMethod = z.infer<typeof DataCenterAuthMethod>;

export const AllowlistStatus = z.enum(['direct', 'allowlisted', 'approved_tunnel']);
export type AllowlistStatus = z.infer<typeof AllowlistStatus>;

export const IssueWorkflow = z.enum(['native', 'jira', 'portable']);
export type IssueWorkflow = z.infer<typeof IssueWorkflow>;

/** Data Center has no issue tracker: its workflow can never be `native`. */
export const DataCenterIssueWorkflow = z.enum(['jira', 'portable']);
export type DataCenterIssueWorkflow = z.infer<typeof DataCenterIssueWorkflow>;

export const IssuePriority = z.enum(['trivial', 'minor', 'major', 'critical', 'blocker']);
export type IssuePriority = z.infer<typeof IssuePriority>;

export const PortableFormat = z.enum(['json', 'csv', 'sarif']);
export type PortableFormat = z.infer<typeof PortableFormat>;

export const JiraFlavor = z.enum(['cloud', 'data_center']);
export type JiraFlavor = z.infer<typeof JiraFlavor>;

/** Jira Cloud: account email + API token (optionally scoped, through the API gateway). Jira DC: PAT. */
export const JiraAuthMethod = z.enum(['api_token', 'scoped_api_token', 'personal_access_token']);
export type JiraAuthMethod = z.infer<typeof JiraAuthMethod>;

/** Bitbucket Cloud workspace permission as reported by /user/workspaces/{workspace}/permission. */
export const WorkspaceRole = z.enum(['owner', 'create-project', 'member', 'collaborator', 'none']);
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

/** Scopes the native Bitbucket Cloud issue path needs, per credential family. */
export const REQUIRED_CLOUD_SCOPES = {
  api_token: [
    'read:user:bitbucket',
    'read:workspace:bitbucket',
    'read:repository:bitbucket',
    'read:issue:bitbucket',
    'write:issue:bitbucket',
  ],
  oauth: ['account', 'repository', 'issue:write'],
} as const;

export const ISSUES_RETIRED_ON = '2026-08-20';
export const APP_PASSWORDS_RETIRED_ON = '2026-07-28';
