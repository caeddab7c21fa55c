import { describeError } from '../../shared/errors/catalog';
import { Masked } from '../safe-mode/Masked';
import { useApp } from '../store/context';
import { failuresOf, type FailedCall } from '../store/state';
import { CopyButton } from './CopyButton';
import { MeaningAndFix } from './MeaningAndFix';

const FailurePanel = ({ failure }: { readonly failure: FailedCall }) => {
  const dismiss = useApp((s) => s.dismiss);
  const { action, label, error, retry } = failure;
  const entry = describeError(error.code);
  const titleId = `error-panel-title-${action.replace(/\W/g, '-')}`;
  return (
    <section className="error-panel" role="alert" aria-labelledby={titleId} data-action={action} tabIndex={-1}>
      <h2 id={titleId}>
        {entry.title} <code>{error.code}</code> <CopyButton text={error.code} label={`Copy code ${error.code}`} />
      </h2>
      <p>
        {label} failed: <Masked text={error.message} />
      </p>
      <MeaningAndFix code={error.code} />
      <div className="button-row">
        {retry !== null ? (
          <button type="button" onClick={() => void retry()}>
            Retry
          </button>
        ) : null}
        <button type="button" className="button-secondary" onClick={() => dismiss(action)}>
          Dismiss
        </button>
      </div>
    </section>
  );
};

/**
 * Every failed action still waiting for the admin: its code (copyable), what it means, what to do,
 * and a retry. Each stays until the admin retries, dismisses, edits the target or leaves it.
 */
export const ErrorPanel = () => {
  const actions = useApp((s) => s.actions);
  return (
    <>
      {failuresOf({ actions }).map((failure) => (
        <FailurePanel key={failure.action} failure={failure} />
      ))}
    </>
  );
};
