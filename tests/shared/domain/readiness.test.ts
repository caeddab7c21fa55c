import { describe, expect, it } from 'vitest';
import { evaluateReadiness, type ReadyStateId } from '../../../shared/domain/readiness';
import type { CheckResults, RateLimitCheck } from '../../../shared/domain/checks';
import type { TargetConfig } from '../../../shared/domain/target';
import {
  AT,
  authOk,
  cloudTarget,
  dataCenterTarget,
  jiraHandoff,
  jiraOk,
  ownedWorkspace,
  passedUrl,
  reached,
  readyCloudJira,
  readyCloudNative,
  readyDataCenterPortable,
  trackerOn,
  trackerRetired,
} from '../../support/domain-builders';

const stateOf = (target: TargetConfig, checks: CheckResults, id: ReadyStateId) => {
  const s = evaluateReadiness(target, checks).states.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no state ${id}`);
  return s;
};

// One row per item of the seed page's "Ready Bitbucket integration states" list, each with the
// case that holds and the case that must not.
describe('seed: ready states', () => {
  const rows: Array<{ item: string; id: ReadyStateId; ready: [TargetConfig, CheckResults]; notReady: [TargetConfig, CheckResults] }> = [
    {
      item: 'Cloud issue target ready: bitbucket_cloud_issues, customer-owned workspace, issue tracking enabled',
      id: 'cloud_issue_target',
      ready: [readyCloudNative().target, readyCloudNative().checks],
      notReady: [cloudTarget(), { auth: authOk, workspace: { role: 'none', customer_owned: false, checked_at: AT }, issue_tracking: trackerOn }],
    },
    {
      item: 'Data Center boundary ready: bitbucket_data_center_issues, self-hosted, base_url passed URL safety',
      id: 'data_center_boundary',
      ready: [dataCenterTarget(), { url_safety: passedUrl }],
      notReady: [dataCenterTarget(), { url_safety: { status: 'blocked', reason: 'reserved_ip', addresses: [], checked_at: AT } }],
    },
    {
      item: 'Issue workflow ready: native issues available, or Jira or portable chosen',
      id: 'issue_workflow',
      ready: [readyCloudJira().target, readyCloudJira().checks],
      notReady: [cloudTarget({ issue_workflow: 'native' }), { auth: authOk, issue_tracking: trackerRetired }],
    },
    {
      item: 'Network ready: allowlist_status present and the probe reached the API root on that path',
      id: 'network',
      ready: [dataCenterTarget(), { url_safety: passedUrl, network: reached }],
      notReady: [dataCenterTarget({ allowlist_status: undefined }), { url_safety: passedUrl, network: reached }],
    },
    {
      item: 'Fallback ready: a target without native issues has an automated Jira or portable handoff',
      id: 'fallback',
      ready: [readyDataCenterPortable().target, readyDataCenterPortable().checks],
      notReady: [dataCenterTarget({ issue_workflow: 'jira', jira: jiraHandoff }), { auth: authOk, url_safety: passedUrl, network: reached }],
    },
  ];
  it.each(rows)('$item', ({ id, ready, notReady }) => {
    expect(stateOf(...ready, id)).toMatchObject({ applicable: true, ready: true });
    expect(stateOf(...notReady, id).ready).toBe(false);
  });
});

// One row per item of the seed page's "Blocked Bitbucket setup states" list.
describe('seed: blocked states', () => {
  const rows: Array<{ item: string; code: string; target: TargetConfig; checks: CheckResults }> = [
    {
      item: 'PROVIDER_AUTH_REQUIRED: the provider rejected the credential',
      code: 'PROVIDER_AUTH_REQUIRED',
      target: readyCloudJira().target,
      checks: { ...readyCloudJira().checks, auth: { status: 'rejected', checked_at: AT } },
    },
    {
      item: 'PROVIDER_BASE_URL_BLOCKED: the Data Center URL failed a URL-safety check',
      code: 'PROVIDER_BASE_URL_BLOCKED',
      target: readyDataCenterPortable().target,
      checks: { ...readyDataCenterPortable().checks, url_safety: { status: 'blocked', reason: 'redirect', addresses: [], checked_at: AT } },
    },
    {
      item: 'PROVIDER_SCOPE_UNAVAILABLE: the credential cannot read repository issue settings',
      code: 'PROVIDER_SCOPE_UNAVAILABLE',
      target: readyCloudNative().target,
      checks: {
        ...readyCloudNative().checks,
        scopes: { status: 'missing', required: ['read:issue:bitbucket'], granted: [], missing: ['read:issue:bitbucket'], broader: [], checked_at: AT },
      },
    },
    {
      item: 'Missing allowlist_status: the Data Center target cannot be trusted for automated calls',
      code: 'ALLOWLIST_STATUS_MISSING',
      target: dataCenterTarget({ allowlist_status: undefined, issue_workflow: 'portable', portable: { format: 'json' } }),
      checks: readyDataCenterPortable().checks,
    },
    {
      item: 'Missing repository issue tracking: use Jira or portable instead of native export',
      code: 'ISSUE_TRACKING_DISABLED',
      target: cloudTarget({ issue_workflow: 'native' }),
      checks: { auth: authOk, workspace: ownedWorkspace, issue_tracking: trackerRetired },
    },
  ];
  it.each(rows)('$item', ({ code, target, checks }) => {
    const r = evaluateReadiness(target, checks);
    expect(r.blocking).toContain(code);
    expect(r.verdict).toBe('blocked');
    expect(r.can_export).toBe(false);
  });
});

describe('readiness verdicts', () => {
  it.each([
    ['a Cloud target with a working tracker on the native route', readyCloudNative()],
    ['a Cloud target with issues retired, routed to Jira', readyCloudJira()],
    ['a Data Center target behind an approved tunnel, routed to portable export', readyDataCenterPortable()],
  ])('%s is ready to save and export', (_name, { target, checks }) => {
    const r = evaluateReadiness(target, checks);
    expect(r.blocking).toEqual([]);
    expect(r.pending).toEqual([]);
    expect(r).toMatchObject({ verdict: 'ready', can_save: true, can_export: true });
  });

  it('a fresh Data Center draft is blocked by the missing allowlist status and credential', () => {
    const r = evaluateReadiness(dataCenterTarget({ base_url: undefined, allowlist_status: undefined, confirmations: {} }), {});
    expect(r.blocking).toEqual(['PROVIDER_AUTH_REQUIRED', 'ALLOWLIST_STATUS_MISSING']);
    expect(r.pending.length).toBeGreaterThan(0);
  });

  it('routing a retired-tracker Cloud target to Jira clears ISSUE_TRACKING_DISABLED', () => {
    const { target, checks } = readyCloudJira();
    expect(evaluateReadiness(target, checks).blocking).not.toContain('ISSUE_TRACKING_DISABLED');
    expect(evaluateReadiness({ ...target, issue_workflow: undefined }, checks).blocking).toContain('ISSUE_TRACKING_DISABLED');
  });

  it('save needs auth and network ready: a Data Center target whose probe failed cannot be saved', () => {
    const { target, checks } = readyDataCenterPortable();
    const r = evaluateReadiness(target, { ...checks, network: { ...reached, status: 'failed', reason: 'timeout' } } as CheckResults);
    expect(r.can_save).toBe(false);
    expect(r.blocking).toContain('PROVIDER_BASE_URL_BLOCKED');
  });

  it('a Jira handoff that failed its check blocks with JIRA_HANDOFF_UNAVAILABLE', () => {
    const { target, checks } = readyCloudJira();
    const r = evaluateReadiness(target, { ...checks, jira: { ...jiraOk, status: 'blocked', code: 'PROVIDER_RESOURCE_NOT_FOUND' } } as CheckResults);
    expect(r.blocking).toContain('JIRA_HANDOFF_UNAVAILABLE');
  });

  it('a workspace the credential cannot see is not customer-owned', () => {
    const { target, checks } = readyCloudJira();
    const r = evaluateReadiness(target, { ...checks, workspace: { role: 'none', customer_owned: false, checked_at: AT } });
    expect(r.blocking).toContain('PROVIDER_WORKSPACE_NOT_OWNED');
  });

  it('a native-route component missing from the live component list blocks with PROVIDER_VALUE_INVALID', () => {
    const { target, checks } = readyCloudNative();
    expect(evaluateReadiness({ ...target, component: 'api' }, checks).blocking).toEqual([]);
    expect(evaluateReadiness({ ...target, component: 'gone' }, checks).blocking).toContain('PROVIDER_VALUE_INVALID');
  });

  it('a Data Center repository the credential may not read blocks with PROVIDER_SCOPE_UNAVAILABLE', () => {
    const { target, checks } = readyDataCenterPortable();
    const r = evaluateReadiness(target, { ...checks, repository: { status: 'forbidden', checked_at: AT } });
    expect(r.blocking).toContain('PROVIDER_SCOPE_UNAVAILABLE');
  });

  it('PROVIDER_SCOPE_UNAVAILABLE on Cloud is cleared by choosing a fallback, as the seed prescribes', () => {
    const checks: CheckResults = { auth: authOk, workspace: ownedWorkspace, repository: { status: 'forbidden', checked_at: AT } };
    expect(evaluateReadiness(cloudTarget(), checks).blocking).toContain('PROVIDER_SCOPE_UNAVAILABLE');
    const routed = evaluateReadiness(cloudTarget({ issue_workflow: 'portable', portable: { format: 'csv' } }), checks);
    expect(routed.blocking).toEqual([]);
    expect(routed.verdict).toBe('ready');
  });
});

describe('PROVIDER_RATE_LIMITED is a pending state of its own, never an auth failure', () => {
  const limited: RateLimitCheck = {
    provider: 'bitbucket_cloud',
    detail: 'The provider is rate limiting requests (HTTP 429).',
    retry_at: '2026-11-29T08:10:00.000Z',
    headroom: {},
    checked_at: AT,
  };

  it('a 429 before the credential was answered: pending with "retry after HH:MM", not PROVIDER_AUTH_REQUIRED', () => {
    const r = evaluateReadiness(readyCloudJira().target, { rate_limit: limited });
    expect(r.blocking).not.toContain('PROVIDER_AUTH_REQUIRED');
    expect(r.verdict).toBe('incomplete');
    expect(r.rate_limited).toEqual([limited]);
    expect(r.pending).toContain('Bitbucket Cloud is rate limiting the checks (PROVIDER_RATE_LIMITED): retry after 08:10 UTC.');
    expect(r.pending).not.toContain('Store and test a credential.');
  });

  it('without a time to come back it says to wait a few minutes', () => {
    const { retry_at: _r, ...noTime } = limited;
    const r = evaluateReadiness(readyCloudJira().target, { rate_limit: noTime });
    expect(r.pending.join(' ')).toMatch(/wait a few minutes, then run the checks again/);
  });

  it('a rate-limited Jira check is pending, not JIRA_HANDOFF_UNAVAILABLE', () => {
    const { target, checks } = readyCloudJira();
    const jira: CheckResults['jira'] = { status: 'blocked', code: 'PROVIDER_RATE_LIMITED', detail: 'HTTP 429', rate_limit: { ...limited, provider: 'jira' }, checked_at: AT };
    const r = evaluateReadiness(target, { ...checks, jira });
    expect(r.blocking).toEqual([]);
    expect(r.verdict).toBe('incomplete');
    expect(r.pending.join(' ')).toMatch(/^Jira is rate limiting/);
  });

  it('a rejected credential is still PROVIDER_AUTH_REQUIRED (the exception is only for an unanswered one)', () => {
    const r = evaluateReadiness(cloudTarget(), { auth: { status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED', checked_at: AT } });
    expect(r.blocking).toContain('PROVIDER_AUTH_REQUIRED');
  });
});
