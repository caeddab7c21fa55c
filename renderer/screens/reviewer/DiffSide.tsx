import type { BundleSide } from '../../../shared/contract/bundle-diff';
import { describeError } from '../../../shared/errors/catalog';
import { ErrorCode } from '../../../shared/errors/codes';
import { Fingerprint } from '../../components/Fingerprint';
import { Masked } from '../../safe-mode/Masked';

const title = (s: BundleSide): string => {
  if (s.verdict === 'valid') return 'valid signature, confirmed signer';
  if (s.verdict === 'valid_unpinned') return 'signature valid, signer not confirmed';
  const code = ErrorCode.safeParse(s.verdict);
  return code.success ? `${code.data}: ${describeError(code.data).title}` : s.verdict;
};

/**
 * One file's verdict before any comparison, as `bundle verify` gives it. An intact signature from a
 * key nobody pinned does not stop the diff: its fingerprint is shown to compare with the admin's.
 */
export const DiffSide = ({ label, fileName, side }: { readonly label: string; readonly fileName: string; readonly side: BundleSide }) => (
  <div className={side.intact ? (side.verdict === 'valid' ? 'result-line' : 'notice') : 'error-panel'} data-diff-side={label} data-verdict={side.verdict} data-intact={side.intact}>
    <p>
      <strong>
        {label} (<Masked text={fileName} />): {title(side)}
      </strong>
    </p>
    <p>
      <Masked text={side.message} />
    </p>
    {side.fingerprint !== null ? <Fingerprint value={side.fingerprint} label={`${label}'s signing key`} /> : null}
  </div>
);
