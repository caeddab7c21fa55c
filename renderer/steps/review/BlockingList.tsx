import { stepDef } from '../../../shared/domain/step-graph';
import type { ErrorCode } from '../../../shared/errors/codes';
import { describeError } from '../../../shared/errors/catalog';
import { CopyButton } from '../../components/CopyButton';
import { useApp } from '../../store/context';
import { MeaningAndFix } from '../../components/MeaningAndFix';

/** Every blocking code with its meaning and fix, and a button that opens the step that fixes it. */
export const BlockingList = ({ codes }: { readonly codes: readonly ErrorCode[] }) => {
  const goTo = useApp((s) => s.goTo);
  if (codes.length === 0) return <p className="result-line">No blocking codes.</p>;
  return (
    <ul className="target-list" aria-label="Blocking codes">
      {codes.map((code) => {
        const entry = describeError(code);
        return (
          <li key={code} className="error-panel" data-code={code}>
            <p className="label">
              {entry.title}: <code>{code}</code> <CopyButton text={code} label={`Copy code ${code}`} />
            </p>
            <MeaningAndFix code={code} />
            {entry.fixStep !== null ? (
              <button type="button" onClick={() => goTo(entry.fixStep ?? 'provider')}>
                Fix in step: {stepDef(entry.fixStep).title}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
};
