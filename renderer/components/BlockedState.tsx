import type { ErrorCode } from '../../shared/errors/codes';
import { describeError, type Wording } from '../../shared/errors/catalog';
import { Masked } from '../safe-mode/Masked';
import { CopyButton } from './CopyButton';
import { MeaningAndFix } from './MeaningAndFix';

interface Props {
  readonly code: ErrorCode;
  /** The specific reason (e.g. `reserved_ip: 169.254.169.254 is link-local`); masked in safe mode. */
  readonly detail?: string;
  readonly onRetry?: () => void;
  readonly retryLabel?: string;
  /** Whose answer it is, when not the target's Bitbucket provider (Jira's check): the meaning and fix in its words. */
  readonly wording?: Wording;
}

/** A blocked state where it happens: the code (copyable), what it means, what to do, and a retry. */
export const BlockedState = ({ code, detail, onRetry, retryLabel = 'Retry', wording }: Props) => {
  const entry = describeError(code);
  return (
    <div className="error-panel" role="alert" data-code={code}>
      <p className="label">
        {entry.title}: <code>{code}</code> <CopyButton text={code} label={`Copy code ${code}`} />
      </p>
      {detail !== undefined ? (
        <p>
          <Masked text={detail} />
        </p>
      ) : null}
      <MeaningAndFix code={code} {...(wording === undefined ? {} : { wording })} />
      {onRetry !== undefined ? (
        <button type="button" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
};
