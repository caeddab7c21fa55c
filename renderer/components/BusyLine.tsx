import { lazy, Suspense } from 'react';
import { useApp } from '../store/context';

// The progress line of a long check is a lazy chunk: it loads with the first check, never with the first screen.
const ProgressLine = lazy(() => import('./ProgressLine').then((m) => ({ default: m.ProgressLine })));

/**
 * A polite live region that says what is running now. A long check shows its progress line
 * (stage, elapsed against its limit, a Cancel that stops it in main); any other call a Cancel
 * that stops waiting for it.
 */
export const BusyLine = () => {
  const busy = useApp((s) => s.busy);
  const cancel = useApp((s) => s.cancel);
  const progress = useApp((s) => s.progress !== null);
  const plain = (
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
  return progress ? <Suspense fallback={plain}>{<ProgressLine />}</Suspense> : plain;
};
