import { useEffect, useState } from 'react';
import { seconds, STAGE_LABELS } from '../../shared/contract/progress-stages';
import { useApp } from '../store/context';
import type { OpenStage, RunningProgress } from '../store/state';

/** How often the elapsed time moves. */
const TICK_MS = 250;

/** The stage in words: the innermost one running, within its provider check when it has one. */
const stageWords = (p: RunningProgress, top: OpenStage | undefined): string => {
  if (top === undefined) return `${p.label}: starting`;
  const { event } = top;
  return `${event.within === undefined ? '' : `${STAGE_LABELS[event.within]} · `}${STAGE_LABELS[event.stage]}`;
};

/** The stage's time against its own limit, and the exchange's against its deadline. */
const timeWords = (top: OpenStage | undefined, now: number): string => {
  if (top === undefined) return '';
  const stageMs = Math.max(0, now - top.at);
  const { limit_ms, total_limit_ms, elapsed_ms } = top.event;
  const own = limit_ms === null ? `${seconds(stageMs)} elapsed` : `${seconds(stageMs)} of its ${seconds(limit_ms)} limit`;
  return total_limit_ms === null ? own : `${own} · whole check ${seconds(elapsed_ms + stageMs)} of ${seconds(total_limit_ms)}`;
};

/**
 * The running check as main reports it: the stage in plain words (a polite live region, so a
 * screen reader hears each stage once, not every tick), its elapsed time against its limit, and
 * Cancel, which stops the check in main (its sockets close; it stores nothing).
 */
export const ProgressLine = () => {
  const progress = useApp((s) => s.progress);
  const cancel = useApp((s) => s.cancel);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  if (progress === null) return null;
  const top = progress.open.at(-1);
  return (
    <div className="busy-line progress-line" data-progress-stage={top?.event.stage ?? 'starting'}>
      <p role="status" aria-live="polite">
        {progress.cancelling ? `Cancelling: ${stageWords(progress, top)}…` : `${stageWords(progress, top)}…`}
      </p>
      <p className="muted progress-time" data-testid="progress-time">
        {timeWords(top, now)}
      </p>
      <button type="button" className="button-small" onClick={cancel} disabled={progress.cancelling}>
        {progress.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
};
