import { describeError } from '../../shared/errors/catalog';
import { Masked } from '../safe-mode/Masked';
import { useApp } from '../store/context';
import { CopyButton } from './CopyButton';
import { MeaningAndFix } from './MeaningAndFix';

/** The last failed call: its code (copyable), what it means, what to do, and a retry. */
export const ErrorPanel = () => {
  const failure = useApp((s) => s.failure);
  const dismiss = useApp((s) => s.dismissFailure);
  if (failure === null) return null;
  const { error, retry } = failure;
  const entry = describeError(error.code);
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-panel-title">
      <h2 id="error-panel-title">
        {entry.title} <code>{error.code}</code> <CopyButton text={error.code} label={`Copy code ${error.code}`} />
      </h2>
      <p>
        <Masked text={error.message} />
      </p>
      <MeaningAndFix code={error.code} />
      <div className="button-row">
        {retry !== null ? (
          <button type="button" onClick={() => void retry()}>
            Retry
          </button>
        ) : null}
        <button type="button" className="button-secondary" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
};
