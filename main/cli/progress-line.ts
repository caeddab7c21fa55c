import type { ProgressEvent } from '../../shared/contract/progress';
import { seconds, STAGE_LABELS, STATE_WORDS } from '../../shared/contract/progress-stages';

// The CLI's progress line on stderr: the running stage in words, its time against its own limit,
// and the whole exchange's time against its deadline. stdout never sees it, so `--json` stays clean.

/** Where the line goes: on a terminal one line redrawn in place, else one line per stage change. */
export interface StatusLine {
  readonly tty: boolean;
  /** Terminal: replaces the line. Otherwise: writes one line. */
  readonly show: (text: string) => void;
  /** Terminal: wipes the line before results or notes follow. */
  readonly clear: () => void;
}

const stageName = (e: ProgressEvent): string => `${e.within === undefined ? '' : `${STAGE_LABELS[e.within]} · `}${STAGE_LABELS[e.stage]}`;

/** The running stage `stageMs` after its `started` event, as the terminal line redraws it. */
export const runningText = (prefix: string, started: ProgressEvent, stageMs: number): string => {
  const own = started.limit_ms === null ? seconds(stageMs) : `${seconds(stageMs)} of ${seconds(started.limit_ms)} limit`;
  const whole = started.total_limit_ms === null ? '' : `; whole check ${seconds(started.elapsed_ms + stageMs)} of ${seconds(started.total_limit_ms)}`;
  return `${prefix}: ${stageName(started)}… ${own}${whole}`;
};

/** One line per stage change (stderr is not a terminal): what changed, and when. */
export const changeText = (prefix: string, e: ProgressEvent, stageMs: number | null): string =>
  e.state === 'started'
    ? `${prefix}: ${stageName(e)}: ${STATE_WORDS.started} at ${seconds(e.elapsed_ms)}${e.limit_ms === null ? '' : ` (limit ${seconds(e.limit_ms)})`}`
    : `${prefix}: ${stageName(e)}: ${STATE_WORDS[e.state]}${stageMs === null ? '' : ` after ${seconds(stageMs)}`}`;
