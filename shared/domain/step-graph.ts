import type { ErrorCode } from '../errors/codes';
import type { CheckResults } from './checks';
import { evaluateReadiness } from './readiness';
import type { StepId } from './step-ids';
import type { TargetConfig } from './target';
import { isCloud, isDataCenter } from './target-kind';
import { failedStageOf } from './url-stage-info';

// The wizard's order as data: which steps a target has, and the predicate that unlocks each.
// The UI, the CLI, the handlers and the tests all ask these functions; none re-implements them.

export type { StepId } from './step-ids';

/** What the wizard knows: the draft target (null before a provider is chosen) and its checks. */
export interface WizardFacts {
  readonly target: TargetConfig | null;
  readonly checks: CheckResults;
}

export type Gate = { readonly open: true } | { readonly open: false; readonly reason: string; readonly after: StepId; readonly code?: ErrorCode };

export interface StepDef {
  readonly id: StepId;
  readonly title: string;
  /** Whether the step is part of this target's path at all (confirmations are Data Center only). */
  readonly appliesTo: (facts: WizardFacts) => boolean;
  readonly gate: (facts: WizardFacts) => Gate;
}

const OPEN: Gate = { open: true };
const closed = (after: StepId, reason: string, code?: ErrorCode): Gate =>
  code === undefined ? { open: false, after, reason } : { open: false, after, reason, code };

export const confirmationsComplete = (t: TargetConfig): boolean =>
  isDataCenter(t) &&
  t.confirmations.ownership !== undefined &&
  t.confirmations.api_root_reachable !== undefined &&
  t.confirmations.scan_authorized !== undefined;

const urlPassed = (c: CheckResults): boolean => c.url_safety?.status === 'passed';
const authOk = (c: CheckResults): boolean => c.auth?.status === 'ok';

/** Why the steps after Credentials stay closed, from what the last test of the credential said. */
const credentialGate = (c: CheckResults): Gate => {
  const first = 'Store and test a working credential first';
  switch (c.auth?.status) {
    case 'ok':
      return OPEN;
    case 'rejected':
      return closed('credentials', `${first}: the provider rejected the stored one when it was tested.`, c.auth.code ?? 'PROVIDER_AUTH_REQUIRED');
    case 'retired':
      return closed('credentials', `${first}: the stored one uses a retired method (app password).`, 'PROVIDER_AUTH_REQUIRED');
    case 'missing':
      return closed('credentials', `${first}: none is stored in the keychain.`, 'PROVIDER_AUTH_REQUIRED');
    case undefined:
      return closed('credentials', `${first}.`, 'PROVIDER_AUTH_REQUIRED');
  }
};
/** The credential could not read the repository's issue settings: the route step opens for a fallback. */
const scopeUnavailable = (c: CheckResults): boolean => c.repository?.status === 'forbidden' || c.scopes?.status === 'missing';

/** Ordered steps of the documentation path, with their gates. */
export const STEPS: readonly StepDef[] = [
  {
    id: 'provider',
    title: 'Provider',
    appliesTo: () => true,
    gate: () => OPEN,
  },
  {
    id: 'confirmations',
    title: 'Data Center confirmations',
    appliesTo: ({ target }) => target === null || isDataCenter(target),
    gate: ({ target }) =>
      target === null
        ? closed('provider', 'Choose Bitbucket Cloud or Bitbucket Data Center first.')
        : isDataCenter(target)
          ? OPEN
          : closed('provider', 'Only Bitbucket Data Center targets need these confirmations.'),
  },
  {
    id: 'target',
    title: 'Target',
    appliesTo: () => true,
    gate: ({ target }) => {
      if (target === null) return closed('provider', 'Choose the provider before any repository field is asked.');
      if (isDataCenter(target) && !confirmationsComplete(target)) {
        return closed('confirmations', 'The base URL is asked only after ownership, API-root reachability and scan authorisation are confirmed.');
      }
      return OPEN;
    },
  },
  {
    id: 'credentials',
    title: 'Credentials',
    appliesTo: () => true,
    gate: (facts) => canPerform('store_credential', facts),
  },
  {
    id: 'issue_availability',
    title: 'Issue availability',
    appliesTo: () => true,
    gate: ({ target, checks }) => {
      if (target === null) return closed('provider', 'Choose the provider first.');
      return credentialGate(checks);
    },
  },
  {
    id: 'route',
    title: 'Route details',
    appliesTo: () => true,
    gate: ({ target, checks }) => {
      if (target === null) return closed('provider', 'Choose the provider first.');
      if (!authOk(checks)) return credentialGate(checks);
      if (isCloud(target) && checks.issue_tracking === undefined && !scopeUnavailable(checks)) {
        return closed('issue_availability', 'Run the issue availability check first.');
      }
      return OPEN;
    },
  },
  {
    id: 'review',
    title: 'Review & save',
    appliesTo: () => true,
    gate: (facts) => {
      const route = stepGate('route', facts);
      if (!route.open) return route;
      const { target, checks } = facts;
      if (target?.issue_workflow === undefined) return closed('route', 'Choose native issues, Jira export or portable export first.');
      // The route step's own check: a failed Jira check keeps Review closed with its code.
      if (target.issue_workflow === 'jira' && checks.jira?.status === 'blocked') {
        const code = checks.jira.code ?? 'JIRA_HANDOFF_UNAVAILABLE';
        return closed('route', `The Jira check failed (${code}): fix the Jira handoff and check it again.`, code);
      }
      return OPEN;
    },
  },
  {
    id: 'export',
    title: 'Export',
    appliesTo: () => true,
    gate: (facts) => canPerform('export', facts),
  },
];

export type WizardAction = 'set_base_url' | 'store_credential' | 'select_scopes' | 'choose_native' | 'save' | 'export';

/** Whether an action is allowed now, and if not, which step must come first and why. */
export function canPerform(action: WizardAction, { target, checks }: WizardFacts): Gate {
  if (target === null) return closed('provider', 'Choose Bitbucket Cloud or Bitbucket Data Center first.');
  switch (action) {
    case 'set_base_url':
      if (!isDataCenter(target)) return closed('provider', 'Bitbucket Cloud uses its fixed API root.');
      return confirmationsComplete(target) ? OPEN : closed('confirmations', 'Confirm ownership, API-root reachability and scan authorisation first.');
    case 'store_credential':
      if (isCloud(target)) {
        return target.workspace !== undefined && target.repository_slug !== undefined
          ? OPEN
          : closed('target', 'Enter the customer-owned workspace and repository first.');
      }
      if (target.base_url === undefined) return closed('target', 'Enter the Data Center base URL first.');
      {
        // Any failed stage of the URL check or the probe keeps the credential out, naming the stage.
        const failed = failedStageOf(checks);
        if (failed !== null) {
          return closed('target', `The base URL failed the URL-safety checks at the ${failed.title} stage (${failed.reason}): fix it and check again.`, 'PROVIDER_BASE_URL_BLOCKED');
        }
      }
      return urlPassed(checks) ? OPEN : closed('target', 'Run the URL-safety check on the base URL first.');
    case 'select_scopes':
    case 'choose_native':
      if (!isCloud(target)) return closed('issue_availability', 'Bitbucket Data Center has no native issue tracker: use Jira or portable export.');
      if (checks.issue_tracking === undefined) return closed('issue_availability', 'Run the issue availability check first.');
      return checks.issue_tracking.available
        ? OPEN
        : closed('issue_availability', checks.issue_tracking.reason, 'ISSUE_TRACKING_DISABLED');
    case 'save': {
      const r = evaluateReadiness(target, checks);
      if (r.can_save) return OPEN;
      const code = r.blocking[0];
      return closed(authOk(checks) ? 'target' : 'credentials', 'Save only when provider auth and network checks are ready.', code);
    }
    case 'export': {
      const r = evaluateReadiness(target, checks);
      if (r.can_export) return OPEN;
      return closed('review', r.blocking.length > 0 ? `Blocked by ${r.blocking.join(', ')}.` : 'The target is not ready yet.', r.blocking[0]);
    }
  }
}

export const stepDef = (id: StepId): StepDef => STEPS.find((s) => s.id === id) as StepDef;

export const stepGate = (id: StepId, facts: WizardFacts): Gate => stepDef(id).gate(facts);

/** The steps on this target's path, numbered in order. */
export const visibleSteps = (facts: WizardFacts): Array<StepDef & { number: number }> =>
  STEPS.filter((s) => s.appliesTo(facts)).map((s, i) => ({ ...s, number: i + 1 }));

export const nextStep = (current: StepId, facts: WizardFacts): StepId | null => {
  const steps = visibleSteps(facts);
  const i = steps.findIndex((s) => s.id === current);
  const next = i >= 0 ? steps[i + 1] : undefined;
  return next !== undefined && next.gate(facts).open ? next.id : null;
};

export const previousStep = (current: StepId, facts: WizardFacts): StepId | null => {
  const steps = visibleSteps(facts);
  const i = steps.findIndex((s) => s.id === current);
  return i > 0 ? (steps[i - 1]?.id ?? null) : null;
};

export interface StepViolation {
  readonly field: string;
  readonly step: StepId;
  readonly reason: string;
}

/**
 * Fields a saved draft may not hold yet, given its checks. `targets.save` refuses a draft with
 * any violation, so the order of the documentation path holds whatever the caller.
 */
export const draftViolations = (target: TargetConfig, checks: CheckResults): StepViolation[] => {
  const v: StepViolation[] = [];
  const facts: WizardFacts = { target, checks };
  if (isDataCenter(target) && target.base_url !== undefined && !confirmationsComplete(target)) {
    v.push({ field: 'base_url', step: 'confirmations', reason: 'base_url is accepted only after the three Data Center confirmations.' });
  }
  if (isCloud(target)) {
    if (target.scopes.length > 0 && !canPerform('select_scopes', facts).open) {
      v.push({ field: 'scopes', step: 'issue_availability', reason: 'Scopes are selected only when Bitbucket Cloud issue tracking is enabled.' });
    }
    if (target.issue_workflow === 'native' && !canPerform('choose_native', facts).open) {
      v.push({ field: 'issue_workflow', step: 'issue_availability', reason: 'Native issues need a repository whose issue tracker works.' });
    }
  }
  return v;
};
