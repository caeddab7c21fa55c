import { describe, expect, it } from 'vitest';
import {
  canPerform,
  draftViolations,
  nextStep,
  previousStep,
  stepGate,
  visibleSteps,
  type WizardAction,
  type WizardFacts,
} from '../../../shared/domain/step-graph';
import type { StepId } from '../../../shared/domain/step-ids';
import {
  AT,
  authOk,
  cloudTarget,
  confirmed,
  dataCenterTarget,
  passedUrl,
  readyCloudJira,
  readyDataCenterPortable,
  trackerOn,
  trackerRetired,
} from '../../support/domain-builders';

const dcUnconfirmed = dataCenterTarget({ base_url: undefined, confirmations: { ownership: confirmed } });

// Every out-of-order move named in PRODUCT.md and the seed page, refused with the step to do first.
describe('refused out-of-order moves', () => {
  const steps: Array<{ move: string; step: StepId; facts: WizardFacts; after: StepId }> = [
    { move: 'repository fields before the provider is recorded', step: 'target', facts: { target: null, checks: {} }, after: 'provider' },
    { move: 'Data Center base URL before the three confirmations', step: 'target', facts: { target: dcUnconfirmed, checks: {} }, after: 'confirmations' },
    { move: 'credentials before the URL check passed', step: 'credentials', facts: { target: dataCenterTarget(), checks: {} }, after: 'target' },
    {
      move: 'credentials while the base URL is blocked',
      step: 'credentials',
      facts: { target: dataCenterTarget(), checks: { url_safety: { status: 'blocked', reason: 'reserved_ip', addresses: [], checked_at: AT } } },
      after: 'target',
    },
    { move: 'Cloud credentials before workspace and repository', step: 'credentials', facts: { target: cloudTarget({ workspace: undefined }), checks: {} }, after: 'target' },
    { move: 'issue availability before a working credential', step: 'issue_availability', facts: { target: cloudTarget(), checks: {} }, after: 'credentials' },
    { move: 'route before the issue availability check (Cloud)', step: 'route', facts: { target: cloudTarget(), checks: { auth: authOk } }, after: 'issue_availability' },
    { move: 'review before a route is chosen', step: 'review', facts: { target: cloudTarget(), checks: { auth: authOk, issue_tracking: trackerRetired } }, after: 'route' },
    { move: 'export before the target is ready', step: 'export', facts: { target: cloudTarget(), checks: { auth: authOk } }, after: 'review' },
  ];
  it.each(steps)('step: $move', ({ step, facts, after }) => {
    const gate = stepGate(step, facts);
    expect(gate.open).toBe(false);
    if (!gate.open) expect(gate.after).toBe(after);
  });

  const actions: Array<{ move: string; action: WizardAction; facts: WizardFacts; code?: string }> = [
    { move: 'base URL before confirmations', action: 'set_base_url', facts: { target: dcUnconfirmed, checks: {} } },
    { move: 'scopes when Cloud issue tracking is not enabled', action: 'select_scopes', facts: { target: cloudTarget(), checks: { issue_tracking: trackerRetired } }, code: 'ISSUE_TRACKING_DISABLED' },
    { move: 'scopes before issue tracking is known', action: 'select_scopes', facts: { target: cloudTarget(), checks: {} } },
    { move: 'native issues for Data Center', action: 'choose_native', facts: { target: dataCenterTarget(), checks: { issue_tracking: trackerOn } } },
    { move: 'save before auth is ready', action: 'save', facts: { target: readyCloudJira().target, checks: { ...readyCloudJira().checks, auth: undefined } }, code: 'PROVIDER_AUTH_REQUIRED' },
    { move: 'save before the network is ready', action: 'save', facts: { target: readyDataCenterPortable().target, checks: { auth: authOk, url_safety: passedUrl } } },
    { move: 'export of a blocked target', action: 'export', facts: { target: dataCenterTarget({ allowlist_status: undefined }), checks: {} }, code: 'PROVIDER_AUTH_REQUIRED' },
  ];
  it.each(actions)('action: $move', ({ action, facts, code }) => {
    const gate = canPerform(action, facts);
    expect(gate.open).toBe(false);
    if (!gate.open && code !== undefined) expect(gate.code).toBe(code);
  });

  const drafts: Array<{ move: string; target: ReturnType<typeof cloudTarget> | ReturnType<typeof dataCenterTarget>; checks?: WizardFacts['checks']; fields: string[] }> = [
    { move: 'a saved base_url with one confirmation', target: dataCenterTarget({ confirmations: { ownership: confirmed } }), fields: ['base_url'] },
    { move: 'saved scopes while issues are retired', target: cloudTarget({ scopes: ['read:issue:bitbucket'] }), checks: { issue_tracking: trackerRetired }, fields: ['scopes'] },
    { move: 'native workflow without a working tracker', target: cloudTarget({ issue_workflow: 'native' }), checks: { issue_tracking: trackerRetired }, fields: ['issue_workflow'] },
  ];
  it.each(drafts)('draft: $move', ({ target, checks, fields }) => {
    expect(draftViolations(target, checks ?? {}).map((v) => v.field)).toEqual(fields);
  });
});

// Issue 14 item 3: a failed check of a step keeps the next step closed, and the lock text names
// what failed. Before, a probe that failed at TLS left Credentials open next to a red box.
describe('a failed check closes the next step and names what failed', () => {
  const tlsFailed = { status: 'failed' as const, reason: 'tls' as const, detail: 'unable to verify the first certificate', redirects: [], via_proxy: false, timings_ms: {}, checked_at: AT };
  const redirected = { ...tlsFailed, reason: 'redirect' as const, detail: 'cross-origin redirect to https://new.example/: adopt the new URL to continue' };
  it.each([
    { name: 'probe failed at TLS', network: tlsFailed, stage: 'TLS stage (tls)' },
    { name: 'cross-origin redirect', network: redirected, stage: 'Redirects stage (redirect)' },
  ])('credentials stay closed when the $name, though the URL check passed', ({ network, stage }) => {
    const gate = stepGate('credentials', { target: dataCenterTarget(), checks: { url_safety: passedUrl, network } });
    expect(gate).toMatchObject({ open: false, after: 'target', code: 'PROVIDER_BASE_URL_BLOCKED' });
    if (!gate.open) expect(gate.reason).toContain(stage);
  });

  it('a blocked URL names its stage too', () => {
    const gate = stepGate('credentials', { target: dataCenterTarget(), checks: { url_safety: { status: 'blocked', reason: 'reserved_ip', addresses: [], checked_at: AT } } });
    expect(!gate.open && gate.reason).toContain('Addresses stage (reserved_ip)');
  });

  it('a rejected credential closes issue availability and says it was rejected', () => {
    const gate = stepGate('issue_availability', { target: cloudTarget(), checks: { auth: { status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED', checked_at: AT } } });
    expect(gate).toMatchObject({ open: false, after: 'credentials', code: 'PROVIDER_AUTH_REQUIRED' });
    expect(!gate.open && gate.reason).toMatch(/^Store and test a working credential first: the provider rejected/);
  });

  it('a failed Jira check keeps Review closed with its code', () => {
    const { target, checks } = readyCloudJira();
    const gate = stepGate('review', { target, checks: { ...checks, jira: { status: 'blocked', code: 'JIRA_HANDOFF_UNAVAILABLE', detail: 'project SEC not found', checked_at: AT } } });
    expect(gate).toMatchObject({ open: false, after: 'route', code: 'JIRA_HANDOFF_UNAVAILABLE' });
    expect(stepGate('review', { target, checks }).open).toBe(true);
  });
});

describe('allowed moves', () => {
  it('a Data Center target walks every step in documentation order', () => {
    const { target, checks } = readyDataCenterPortable();
    const facts = { target, checks };
    expect(visibleSteps(facts).map((s) => `${s.number}.${s.id}`)).toEqual([
      '1.provider', '2.confirmations', '3.target', '4.credentials', '5.issue_availability', '6.route', '7.review', '8.export',
    ]);
    const walked: string[] = ['provider'];
    let at = nextStep('provider', facts);
    while (at !== null) {
      walked.push(at);
      at = nextStep(at, facts);
    }
    expect(walked).toHaveLength(8);
    expect(previousStep('credentials', facts)).toBe('target');
  });

  it('a Cloud target has no confirmations step', () => {
    const { target, checks } = readyCloudJira();
    expect(visibleSteps({ target, checks }).map((s) => s.id)).not.toContain('confirmations');
    expect(nextStep('provider', { target, checks })).toBe('target');
  });

  it('scopes and native issues open once the tracker answers', () => {
    const facts = { target: cloudTarget(), checks: { auth: authOk, issue_tracking: trackerOn } };
    expect(canPerform('select_scopes', facts).open).toBe(true);
    expect(canPerform('choose_native', facts).open).toBe(true);
    expect(draftViolations(cloudTarget({ issue_workflow: 'native', scopes: ['account'] }), facts.checks)).toEqual([]);
  });

  it('a ready target may be saved and exported', () => {
    const facts = readyDataCenterPortable();
    expect(canPerform('save', facts).open).toBe(true);
    expect(canPerform('export', facts).open).toBe(true);
  });

  it('a Cloud credential that cannot read issue settings still reaches the route step, for a fallback', () => {
    const facts = { target: cloudTarget(), checks: { auth: authOk, repository: { status: 'forbidden' as const, checked_at: AT } } };
    expect(stepGate('route', facts).open).toBe(true);
    expect(canPerform('choose_native', facts).open).toBe(false);
  });
});
