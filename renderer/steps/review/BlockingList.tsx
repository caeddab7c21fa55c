import { stepDef } from '../../../shared/domain/step-graph';
import type { ErrorCode } from '../../../shared/errors/codes';
import { describeError } from '../../../shared/errors/catalog';
import { CopyButton } from '../../components/CopyButton';
import { useApp } from '../../store/context';
import { MeaningAndFix } from '../../components/MeaningAndFix';

/**
 * Every blocking code with its meaning and fix, and a button that opens the step that fixes it.
 * With no code but something still to do, it says so (amber), never a green "ready" beside a
 * disabled Export.
 */
export const BlockingList = ({ codes, exportReady }: { readonly codes: readonly ErrorCode[]; readonly exportReady: boolean }) => {
  const goTo = useApp((s) => s.goTo);
  if (codes.length === 0) {
    return exportReady ? (
      <p className="result-line" data-blocking="none">
        No blocking codes: ready to save and export.
      </p>
    ) : (
      <p className="notice" data-blocking="pending">
        No blocking codes, but the target is not ready yet: see what is still to do below. Export stays disabled until it is.
      </p>
    );
  }
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
