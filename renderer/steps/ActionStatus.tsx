import type { RefObject } from 'react';
import { useApp } from '../store/context';
import type { ActionPhase } from './use-action-focus';

/**
 * The aria-live summary beside an acting control: what its action is running, which call failed
 * (its code; the error panel has the meaning and the fix), or `done`. Focus waits here while the
 * control is disabled, and lands here when the result has no element of its own.
 */
interface Props {
  readonly statusRef: RefObject<HTMLParagraphElement | null>;
  readonly phase: ActionPhase;
  readonly done?: string;
}

export const ActionStatus = ({ statusRef, phase, done = 'Done.' }: Props) => {
  const busy = useApp((s) => s.busy);
  const text =
    phase.state === 'running'
      ? `${busy ?? 'Working'}…`
      : phase.state === 'failed'
        ? `${phase.label} failed: ${phase.code}. What it means and what to do are in the error panel.`
        : phase.state === 'done'
          ? done
          : '';
  return (
    <p ref={statusRef} tabIndex={-1} className="action-status" role="status" aria-live="polite" data-phase={phase.state}>
      {text}
    </p>
  );
};
