import { stepGate, visibleSteps, type Gate } from '../../shared/domain/step-graph';
import type { StepId } from '../../shared/domain/step-ids';
import { factsOf, savedForExport, type AppData } from './state';

type GateFacts = Pick<AppData, 'record' | 'unsaved'>;

/**
 * Whether a step can be opened now: the shared step graph's gate first (the checks and the order),
 * then unsaved edits on an earlier step (only the screen knows them) hold every later step, and
 * Export waits for the Review step's Save of the record as it is now (the record's review, which
 * the main process keeps and bundle.export enforces). StepList, StepNav and the
 * store's goTo all ask this one function.
 */
export const wizardGate = (step: StepId, s: GateFacts): Gate => {
  const facts = factsOf(s);
  const gate = stepGate(step, facts);
  if (!gate.open) return gate;
  const steps = visibleSteps(facts);
  const at = steps.findIndex((x) => x.id === step);
  for (const earlier of steps.slice(0, Math.max(0, at))) {
    const fields = s.unsaved[earlier.id] ?? [];
    if (fields.length > 0) {
      return { open: false, after: earlier.id, reason: `Unsaved changes on the ${earlier.title} step (${fields.join(', ')}): save them first.` };
    }
  }
  if (step === 'export' && !savedForExport(s.record)) {
    return { open: false, after: 'review', reason: 'Save the target on the Review step first: Export signs the saved record.' };
  }
  return gate;
};

/** The step after `current` on this target's path, whether or not it is open. */
export const followingStep = (current: StepId, s: Pick<AppData, 'record'>) => {
  const steps = visibleSteps(factsOf(s));
  const i = steps.findIndex((x) => x.id === current);
  return i >= 0 ? steps[i + 1] : undefined;
};

/**
 * Next from `current` to `following`: that step's gate, and closed while a call runs — the record
 * still holds the previous result, and the running check's verdict belongs to the step being left.
 */
export const nextGate = (current: StepId, following: StepId, s: GateFacts & Pick<AppData, 'busy'>): Gate =>
  s.busy !== null ? { open: false, after: current, reason: `${s.busy} is still running: wait for its result, or cancel it.` } : wizardGate(following, s);

export const wizardNext = (current: StepId, s: GateFacts & Pick<AppData, 'busy'>): StepId | null => {
  const next = followingStep(current, s);
  return next !== undefined && nextGate(current, next.id, s).open ? next.id : null;
};
