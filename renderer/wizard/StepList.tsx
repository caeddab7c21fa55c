import { visibleSteps } from '../../shared/domain/step-graph';
import { factsOf } from '../store/state';
import { useApp } from '../store/context';
import { wizardGate } from '../store/wizard-gates';

/** The numbered steps of this target's path; a locked step says what must come first, an edited one that it has unsaved changes. */
export const StepList = () => {
  const record = useApp((s) => s.record);
  const unsaved = useApp((s) => s.unsaved);
  const current = useApp((s) => s.step);
  const goTo = useApp((s) => s.goTo);
  const steps = visibleSteps(factsOf({ record }));
  const at = steps.findIndex((s) => s.id === current);
  return (
    <nav className="step-list" aria-label="Setup steps">
      <p className="stepper-summary" aria-hidden="true">
        Step {at + 1} of {steps.length}
      </p>
      <ol>
        {steps.map((step) => {
          const gate = wizardGate(step.id, { record, unsaved });
          const isCurrent = step.id === current;
          const edited = (unsaved[step.id] ?? []).length > 0;
          return (
            <li key={step.id} className={isCurrent ? 'current' : gate.open ? 'open' : 'locked'} data-step={step.id}>
              {gate.open ? (
                <button type="button" aria-current={isCurrent ? 'step' : undefined} onClick={() => goTo(step.id)}>
                  <span className="step-number">{step.number}</span> <span className="step-title">{step.title}</span>
                  {edited ? <span className="step-why"> Unsaved changes</span> : null}
                </button>
              ) : (
                <div className="step-locked">
                  <span className="step-number">{step.number}</span> <span className="step-title">{step.title}</span>
                  <span className="step-why">Locked: {gate.reason}</span>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
};
