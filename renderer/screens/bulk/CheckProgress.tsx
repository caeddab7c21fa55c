import { durationText, type BulkProgress } from '../../../shared/contract/bulk';
import type { AppError } from '../../../shared/errors/codes';
import { CodeChip } from '../../components/CodeChip';
import { Masked } from '../../safe-mode/Masked';

// A check job's progress: the count (and a progress bar), the rate, the time left, whether the
// provider slowed it. The figures change several times a second, so only the job's state is a
// live region; the figures are read when the admin reaches them.

const STATE_TEXT: Readonly<Record<BulkProgress['state'], string>> = {
  running: 'Checking the repositories.',
  done: 'Check finished.',
  cancelled: 'Check stopped: the results so far are kept, and the next run checks only the rest.',
  failed: 'Check failed.',
};

export const progressFigures = (p: BulkProgress): string =>
  `${p.checked} of ${p.to_check} checked · ${p.rate_per_s.toFixed(1)} per second · ${p.state !== 'running' ? 'no time left' : p.eta_s === null ? 'estimating the time left' : `about ${durationText(p.eta_s)} left`}`;

export const CheckProgress = ({ progress, pollError }: { readonly progress: BulkProgress | null; readonly pollError: AppError | null }) => (
  <div className="bulk-progress" data-state={progress?.state ?? 'idle'}>
    <p role="status" aria-live="polite">
      {progress === null ? '' : STATE_TEXT[progress.state]}
      {progress?.slowed === true && progress.state === 'running' ? ' Slowed: the provider asked the run to wait.' : ''}
    </p>
    {progress !== null ? (
      <>
        <progress max={Math.max(1, progress.to_check)} value={progress.checked} aria-label="Repositories checked" />
        <p className="hint" data-figures="">
          {progressFigures(progress)}
        </p>
      </>
    ) : null}
    {progress?.error !== undefined ? (
      <p role="alert">
        <CodeChip code={progress.error.code} /> <Masked text={progress.error.message} />
      </p>
    ) : null}
    {pollError !== null ? (
      <p role="alert">
        <CodeChip code={pollError.code} /> The progress of the check could not be read: <Masked text={pollError.message} />
      </p>
    ) : null}
  </div>
);
