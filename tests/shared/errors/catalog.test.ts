import { describe, expect, it } from 'vitest';
import { describeError, ERROR_CATALOG } from '../../../shared/errors/catalog';
import { ErrorCode } from '../../../shared/errors/codes';
import { StepId } from '../../../shared/domain/step-ids';

describe('error catalog', () => {
  it.each(ErrorCode.options)('%s has a meaning, a fix, what it blocks and a valid fix step', (code) => {
    const e = ERROR_CATALOG[code];
    expect(e.code).toBe(code);
    expect(e.meaning.length).toBeGreaterThan(20);
    expect(e.fix.length).toBeGreaterThan(10);
    expect(e.blocks.length).toBeGreaterThan(0);
    if (e.fixStep !== null) expect(StepId.options).toContain(e.fixStep);
  });

  it.each([
    ['PROVIDER_AUTH_REQUIRED', /reconnect oauth|new .*token/i, ['save', 'export']],
    ['PROVIDER_BASE_URL_BLOCKED', /jira or portable/i, ['provider_calls']],
    ['PROVIDER_SCOPE_UNAVAILABLE', /scope/i, ['scope_selection', 'issue_steps']],
    ['ALLOWLIST_STATUS_MISSING', /direct, allowlisted, or a customer-approved tunnel/i, ['provider_calls']],
    ['ISSUE_TRACKING_DISABLED', /jira export or portable export/i, ['native_issue_export']],
  ] as const)('the seed code %s says the fix the page prescribes', (code, fix, blocks) => {
    expect(ERROR_CATALOG[code].fix).toMatch(fix);
    for (const b of blocks) expect(ERROR_CATALOG[code].blocks).toContain(b);
  });

  it('a Data Center auth failure never talks about OAuth, app passwords or API tokens; Cloud keeps its wording', () => {
    const dc = describeError('PROVIDER_AUTH_REQUIRED', 'bitbucket_data_center_issues');
    expect(`${dc.meaning} ${dc.fix}`).not.toMatch(/oauth|app password|api token/i);
    expect(dc.fix).toMatch(/HTTP access token/);
    const cloud = describeError('PROVIDER_AUTH_REQUIRED', 'bitbucket_cloud_issues');
    expect(cloud.fix).toMatch(/Reconnect OAuth|API token/);
  });

  it.each([
    ['PROVIDER_AUTH_REQUIRED', /Jira API token|personal access token/, /Jira/],
    ['PROVIDER_BASE_URL_BLOCKED', /Jira site URL/, /portable export/],
    ['PROVIDER_RESOURCE_NOT_FOUND', /Jira project key and issue type/, /Browse projects/],
  ] as const)('a Jira answer %s is told in Jira words and fixed on the Route details step, not on the Bitbucket steps', (code, meaningOrFix, fix) => {
    const jira = describeError(code, 'jira');
    expect(`${jira.meaning} ${jira.fix}`).toMatch(meaningOrFix);
    expect(jira.fix).toMatch(fix);
    expect(jira.fixStep).toBe('route');
    // The generic text sends the admin to Bitbucket: OAuth, HTTP access tokens, the Target step, "choose Jira".
    expect(`${jira.meaning} ${jira.fix}`).not.toMatch(/oauth|HTTP access token|Credentials step|choose Jira/i);
    expect(describeError(code).fixStep).not.toBe('route');
  });

  it('an unreachable provider gets the proxy hint: the app honours HTTPS_PROXY and NO_PROXY', () => {
    expect(describeError('PROVIDER_UNAVAILABLE').fix).toMatch(/honours HTTPS_PROXY \(and NO_PROXY/);
  });
});
