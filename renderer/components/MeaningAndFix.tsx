import type { ErrorCode } from '../../shared/errors/codes';
import { describeError, type Wording } from '../../shared/errors/catalog';
import { useApp } from '../store/context';

/**
 * A code's meaning and fix from the shared catalog, worded the same on every screen, in the words
 * of the provider of the target being edited (Data Center is never told about OAuth), or in
 * `wording`'s when the answer came from elsewhere (Jira's check).
 */
export function MeaningAndFix({ code, wording }: { readonly code: ErrorCode; readonly wording?: Wording }) {
  const provider = useApp((s) => s.record?.target.provider_key);
  const entry = describeError(code, wording ?? provider);
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
