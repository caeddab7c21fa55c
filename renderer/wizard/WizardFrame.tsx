import { useEffect, useRef } from 'react';
import { stepDef, visibleSteps } from '../../shared/domain/step-graph';
import { useApp } from '../store/context';
import { factsOf } from '../store/state';
import { StepList } from './StepList';
import { StepNav } from './StepNav';
import { STEP_VIEWS } from './step-views';

/** The wizard: numbered step list, the current step's body, Back/Next from the step graph. */
export const WizardFrame = () => {
  const step = useApp((s) => s.step);
  const record = useApp((s) => s.record);
  const openStatus = useApp((s) => s.openStatus);
  const session = useApp((s) => s.wizardSession);
  const heading = useRef<HTMLHeadingElement>(null);
  const number = visibleSteps(factsOf({ record })).find((s) => s.id === step)?.number;
  const View = STEP_VIEWS[step];
  useEffect(() => {
    heading.current?.focus();
  }, [step]);
  return (
    <div className="wizard">
      <StepList />
      <section className="step-body" aria-labelledby="step-title">
        <h2 id="step-title" ref={heading} tabIndex={-1}>
          {number !== undefined ? `Step ${number}: ` : ''}
          {stepDef(step).title}
        </h2>
        {/* A new wizard session or step starts the step's form afresh; the first save of a draft does not. */}
        <View key={`${session}:${step}`} />
        <StepNav />
        <button type="button" className="button-link" onClick={() => void openStatus()}>
          Back to Integration status
        </button>
      </section>
    </div>
  );
};
