import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { mergeProgress, type BulkProgress } from '../../../shared/contract/bulk';
import type { BulkPlan } from '../../../shared/domain/bulk-plan';
import type { AppError } from '../../../shared/errors/codes';
import { useApp } from '../../store/context';

// A bulk check job as the screen sees it: start it, poll its progress (each poll's results merged
// into the plan the screen holds), cancel it. The poll is a quiet call: it shows no busy line and
// is not superseded by the admin's own actions (a Cancel click mid-poll must not stop the polling).

const POLL_MS = 300;

export interface BulkCheck {
  readonly job: string | null;
  readonly progress: BulkProgress | null;
  /** Why polling stopped, when the api refused a poll. */
  readonly pollError: AppError | null;
  readonly start: (targetId: string, plan: BulkPlan, concurrency: number) => Promise<void>;
  readonly cancel: () => Promise<void>;
  readonly forget: () => void;
}

export const useBulkCheck = (setPlan: Dispatch<SetStateAction<BulkPlan | null>>): BulkCheck => {
  const run = useApp((s) => s.run);
  const query = useApp((s) => s.query);
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [pollError, setPollError] = useState<AppError | null>(null);

  useEffect(() => {
    if (job === null) return undefined;
    let cursor = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await query('bulk.checkProgress', { job_id: job, cursor });
      if (stopped) return;
      if (!r.ok) {
        setPollError(r.error);
        setJob(null);
        return;
      }
      const p = r.value;
      cursor = p.next_cursor;
      setProgress(p);
      setPlan((current) => (current === null ? current : mergeProgress(current, p)));
      if (p.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      else setJob(null);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [job, query, setPlan]);

  const start = useCallback(
    async (targetId: string, plan: BulkPlan, concurrency: number) => {
      const started = await run('bulk.checkStart', { target_id: targetId, plan, concurrency }, 'Starting the repository checks');
      if (started === null) return;
      setPollError(null);
      setProgress(null);
      setJob(started.job_id);
    },
    [run],
  );
  const cancel = useCallback(async () => {
    if (job !== null) await run('bulk.checkCancel', { job_id: job }, 'Stopping the repository checks');
  }, [job, run]);
  const forget = useCallback(() => {
    setProgress(null);
    setPollError(null);
  }, []);
  return { job, progress, pollError, start, cancel, forget };
};
