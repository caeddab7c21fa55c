import { previousStep } from '../../shared/domain/step-graph';
import { factsOf } from '../store/state';
import { useApp } from '../store/context';
import { followingStep, nextGate } from '../store/wizard-gates';

/** Back and Next, both asked of the wizard's one gate (the shared step graph and the unsaved edits); a closed Next says why. */
export const StepNav = () => {
  const record = useApp((s) => s.record);
  const unsaved = useApp((s) => s.unsaved);
  const step = useApp((s) => s.step);
  const busy = useApp((s) => s.busy);
  const next = useApp((s) => s.next);
  const back = useApp((s) => s.back);
  const from = previousStep(step, factsOf({ record }));
  const following = followingStep(step, { record });
  const gate = following === undefined ? undefined : nextGate(step, following.id, { record, unsaved, busy });
  const closed = gate !== undefined && !gate.open ? gate : null;
  return (
    <div className="step-nav">
      <button type="button" className="button-secondary" onClick={back} disabled={from === null}>
        Back
      </button>
      {following !== undefined ? (
        <button type="button" onClick={next} disabled={closed !== null} aria-describedby={closed !== null ? 'next-why' : undefined}>
          Next: {following.title}
        </button>
      ) : null}
      {closed !== null ? (
        <p id="next-why" className="muted" data-next-locked={closed.code ?? 'order'}>
          {closed.reason}
        </p>
      ) : null}
    </div>
  );
};
