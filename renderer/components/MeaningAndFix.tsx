import type { ErrorCode } from '../../shared/errors/codes';
import { describeError } from '../../shared/errors/catalog';

/** A code's meaning and fix from the shared catalog, worded the same on every screen. */
export function MeaningAndFix({ code }: { readonly code: ErrorCode }) {
  const entry = describeError(code);
  return (
    <>
      <p>
        <strong>What it means:</strong> {entry.meaning}
      </p>
      <p>
        <strong>What to do:</strong> {entry.fix}
      </p>
    </>
  );
}
