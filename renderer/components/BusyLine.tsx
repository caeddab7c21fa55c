import { useApp } from '../store/context';

/** A polite live region that says what is running now, with a way to stop waiting for it. */
export const BusyLine = () => {
  const busy = useApp((s) => s.busy);
  const cancel = useApp((s) => s.cancel);
  return (
    <div className="busy-line">
      <p role="status" aria-live="polite">
        {busy === null ? '' : `${busy}…`}
      </p>
      {busy !== null ? (
        <button type="button" className="button-small" onClick={cancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
};
