import type { ErrorCode } from '../../shared/errors/codes';
import { describeError } from '../../shared/errors/catalog';
import { useApp } from '../store/context';

/**
 * A code's meaning and fix from the shared catalog, worded the same on every screen, in the words
 * of the provider of the target being edited (Data Center is never told about OAuth).
 */
export function MeaningAndFix({ code }: { readonly code: ErrorCode }) {
  const provider = useApp((s) => s.record?.target.provider_key);
  const entry = describeError(code, provider);
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
