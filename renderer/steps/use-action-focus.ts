import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ErrorCode } from '../../shared/errors/codes';
import { useAppStoreApi } from '../store/context';
import type { ActionKey, AppData } from '../store/state';

const newestSeq = (s: Pick<AppData, 'actions'>): number =>
  Math.max(0, ...Object.values(s.actions).map((a) => (a !== undefined && a.status !== 'running' ? a.seq : 0)));

/** The call that failed during the work, if any (the newest failure after `since`). */
const failedSince = (s: Pick<AppData, 'actions'>, since: number): { action: ActionKey; label: string; code: ErrorCode } | null => {
  const failed = Object.values(s.actions)
    .flatMap((a) => (a?.status === 'failed' && a.seq > since ? [a] : []))
    .sort((a, b) => b.seq - a.seq)[0];
  return failed === undefined ? null : { action: failed.failure.action, label: failed.failure.label, code: failed.failure.error.code };
};

const show = (el: HTMLElement): void => {
  el.focus({ preventScroll: true });
  // happy-dom and old engines may lack it; the focus alone still holds.
  if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
};

/** What this control's last action did: the summary beside it says so. */
export type ActionPhase =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly n: number }
  | { readonly state: 'failed'; readonly n: number; readonly action: ActionKey; readonly label: string; readonly code: ErrorCode };

/**
 * Keeps keyboard focus on what an action produced. While the action runs, focus waits on the
 * `status` element (the aria-live summary beside the acting control, which is disabled meanwhile);
 * when it ends, focus moves to `result` (or, when a call failed, to its error panel) and that is
 * scrolled into view. Focus never falls to the page. An action that changed the step leaves focus
 * to the new step's heading. Controls that produce the same result share its ref (`shared`).
 */
export const useActionFocus = <R extends HTMLElement = HTMLElement>(shared?: RefObject<R | null>) => {
  const store = useAppStoreApi();
  const status = useRef<HTMLParagraphElement>(null);
  const own = useRef<R>(null);
  const result = shared ?? own;
  const mounted = useRef(true);
  const [phase, setPhase] = useState<ActionPhase>({ state: 'idle' });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useLayoutEffect(() => {
    if (phase.state !== 'done' && phase.state !== 'failed') return;
    const panel = phase.state === 'failed' ? document.querySelector<HTMLElement>(`.error-panel[data-action="${phase.action}"]`) : null;
    const el = panel ?? result.current ?? status.current;
    if (el !== null) show(el);
  }, [phase, result]);
  const act = async (work: () => Promise<unknown>): Promise<void> => {
    const since = newestSeq(store.getState());
    const step = store.getState().step;
    setPhase({ state: 'running' });
    status.current?.focus({ preventScroll: true });
    await work();
    if (!mounted.current || store.getState().step !== step) return;
    const failed = failedSince(store.getState(), since);
    setPhase((p) => {
      const n = (p.state === 'done' || p.state === 'failed' ? p.n : 0) + 1;
      return failed === null ? { state: 'done', n } : { state: 'failed', n, ...failed };
    });
  };
  return { statusRef: status, resultRef: result, phase, act };
};
export type ActionFocus = ReturnType<typeof useActionFocus>;
