import type { CheckResults } from '../../shared/domain/checks';
import { BITBUCKET_CLOUD_API_ROOT } from '../../shared/domain/vocabulary';
import type { CloudTarget, DataCenterTarget } from '../../shared/domain/target';

// Small builders for targets and check results in a known state, so each test row states only
// what it changes.

export const AT = '2026-11-29T08:00:00.000Z';

export const cloudTarget = (over: Partial<CloudTarget> = {}): CloudTarget => ({
  id: 'cloud-1',
  name: 'acme/payments',
  created_at: AT,
  updated_at: AT,
  provider_key: 'bitbucket_cloud_issues',
  deployment_mode: 'cloud',
  base_url: BITBUCKET_CLOUD_API_ROOT,
  auth_method: 'api_token',
  account_email: 'admin@acme.example',
  scopes: [],
  workspace: 'acme',
  repository_slug: 'payments',
  ...over,
});

export const confirmed = { confirmed_by: 'Dana Admin', confirmed_at: AT };

export const dataCenterTarget = (over: Partial<DataCenterTarget> = {}): DataCenterTarget => ({
  id: 'dc-1',
  name: 'Data Center target',
  created_at: AT,
  updated_at: AT,
  provider_key: 'bitbucket_data_center_issues',
  deployment_mode: 'self-hosted',
  base_url: 'https://bitbucket.corp.acme.com/bitbucket',
  confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
  auth_method: 'http_access_token',
  workspace: 'SEC',
  repository_slug: 'payments',
  allowlist_status: 'approved_tunnel',
  private_address_acknowledged: false,
  ...over,
});

export const passedUrl: CheckResults['url_safety'] = {
  status: 'passed',
  normalized: 'https://bitbucket.corp.acme.com/bitbucket',
  addresses: [{ ip: '10.20.0.5', range: 'private', family: 4 }],
  checked_at: AT,
};

export const reached: CheckResults['network'] = {
  status: 'reached',
  redirects: [],
  via_proxy: false,
  timings_ms: {},
  api_root: { version: '9.4.1', buildNumber: '9004001', displayName: 'Bitbucket' },
  checked_at: AT,
};

export const authOk: CheckResults['auth'] = { status: 'ok', identity: { display_name: 'Dana Admin' }, checked_at: AT };

export const ownedWorkspace: CheckResults['workspace'] = { role: 'member', customer_owned: true, checked_at: AT };

export const trackerOn: CheckResults['issue_tracking'] = { available: true, reason: 'The issue tracker answers.', retired: false, components: ['api'], checked_at: AT };

export const trackerRetired: CheckResults['issue_tracking'] = {
  available: false,
  reason: 'Bitbucket Cloud issues were retired on 2026-08-20',
  retired: true,
  components: [],
  checked_at: AT,
};

export const jiraOk: CheckResults['jira'] = { status: 'ok', project: { key: 'SEC', name: 'Security' }, checked_at: AT };

export const jiraHandoff = {
  flavor: 'cloud' as const,
  base_url: 'https://acme.atlassian.net',
  auth_method: 'api_token' as const,
  account_email: 'admin@acme.example',
  project_key: 'SEC',
  issue_type: 'Bug',
};

/** A Cloud target whose repository still has a tracker: every check passed, native route. */
export const readyCloudNative = () => ({
  target: cloudTarget({ issue_workflow: 'native', scopes: ['read:issue:bitbucket'] }),
  checks: { auth: authOk, workspace: ownedWorkspace, issue_tracking: trackerOn, repository: { status: 'found' as const, checked_at: AT } },
});

/** Today's usual Cloud target: issues retired, routed to Jira. */
export const readyCloudJira = () => ({
  target: cloudTarget({ issue_workflow: 'jira', jira: jiraHandoff }),
  checks: { auth: authOk, workspace: ownedWorkspace, issue_tracking: trackerRetired, jira: jiraOk },
});

/** A Data Center target behind an approved tunnel, routed to portable export. */
export const readyDataCenterPortable = () => ({
  target: dataCenterTarget({ issue_workflow: 'portable', portable: { format: 'sarif' } }),
  checks: { auth: authOk, url_safety: passedUrl, network: reached },
});
