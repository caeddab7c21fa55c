import { visibleSteps } from '../../shared/domain/step-graph';
import { factsOf } from '../store/state';
import { useApp } from '../store/context';

/** The numbered steps of this target's path; a locked step says what must come first. */
export const StepList = () => {
  const record = useApp((s) => s.record);
  const current = useApp((s) => s.step);
  const goTo = useApp((s) => s.goTo);
  const facts = factsOf({ record });
  return (
    <nav className="step-list" aria-label="Setup steps">
      <ol>
        {visibleSteps(facts).map((step) => {
          const gate = step.gate(facts);
          const isCurrent = step.id === current;
          return (
            <li key={step.id} className={isCurrent ? 'current' : gate.open ? 'open' : 'locked'}>
              {gate.open ? (
                <button type="button" aria-current={isCurrent ? 'step' : undefined} onClick={() => goTo(step.id)}>
                  <span className="step-number">{step.number}</span> {step.title}
                </button>
              ) : (
                <div className="step-locked">
                  <span className="step-number">{step.number}</span> {step.title}
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
