import { nextStep, previousStep, STEPS } from '../../shared/domain/step-graph';
import { factsOf } from '../store/state';
import { useApp } from '../store/context';

/** Back and Next, both asked of the shared step graph; a closed Next says why. */
export const StepNav = () => {
  const record = useApp((s) => s.record);
  const step = useApp((s) => s.step);
  const next = useApp((s) => s.next);
  const back = useApp((s) => s.back);
  const facts = factsOf({ record });
  const to = nextStep(step, facts);
  const from = previousStep(step, facts);
  const following = STEPS.slice(STEPS.findIndex((s) => s.id === step) + 1).find((s) => s.appliesTo(facts));
  const gate = following?.gate(facts);
  return (
    <div className="step-nav">
      <button type="button" className="button-secondary" onClick={back} disabled={from === null}>
        Back
      </button>
      {following !== undefined ? (
        <button type="button" onClick={next} disabled={to === null} aria-describedby={to === null ? 'next-why' : undefined}>
          Next: {following.title}
        </button>
      ) : null}
      {to === null && gate !== undefined && !gate.open ? (
        <p id="next-why" className="muted">
          {gate.reason}
        </p>
      ) : null}
    </div>
  );
};
