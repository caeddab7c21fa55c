import { useApp } from '../store/context';

/** A polite live region that says what is running now. */
export const BusyLine = () => {
  const busy = useApp((s) => s.busy);
  return (
    <p className="busy-line" role="status" aria-live="polite">
      {busy === null ? '' : `${busy}…`}
    </p>
  );
};
