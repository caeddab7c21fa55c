import type { MethodInput, MethodName, MethodOutput, Result, TargetRecord } from '../../shared/contract';
import type { ApiClient } from '../api/client';
import type { ProgressSource } from '../api/progress-source';
import { isProgressMethod } from '../../shared/contract/method-names';
import type { ProgressEvent } from '../../shared/contract/progress';
import { answeredRecord } from './answered-record';
import type { ActionKey, ActionState, AppData } from './state';

/** Methods whose input holds a secret: a failed call keeps no retry, so the secret is not kept either. */
const SECRET_INPUT: ReadonlySet<MethodName> = new Set<MethodName>(['credentials.store']);

export interface RunActions {
  /**
   * Runs one contract method as an action: the busy line, its own kept failure (with a retry) and
   * cancellation. An answer that carries the target record replaces the record in the store. A
   * call cancelled by the admin resolves to null and its late answer is ignored.
   */
  readonly run: <M extends MethodName>(method: M, input: MethodInput<M>, label: string) => Promise<MethodOutput<M> | null>;
  /** Calls one contract method quietly, as a poll does: no busy line, no kept failure, never superseded. */
  readonly query: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
  /**
   * Cancel: a long call with progress is stopped in main (calls.cancel; it answers CHECK_CANCELLED,
   * kept as the action's failure, and stores nothing); any other call is only no longer waited for.
   */
  readonly cancel: () => void;
  /** Forgets the kept failure of one action (the admin dismissed it). */
  readonly dismiss: (action: ActionKey) => void;
}

type Set = (partial: Partial<AppData>) => void;
type Get = () => AppData & RunActions;

/** A fresh name for one call (CallId: letters, digits and dashes). */
const newCallId = (): string => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `call-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`);

export const runActions = (client: ApiClient, set: Set, get: Get, progressSource?: ProgressSource): RunActions => {
  let current = 0;
  /** The page's one subscription to progress events, opened by the first long call. */
  let subscribed: Promise<void> | undefined;
  const hear = (event: ProgressEvent): void => {
    const p = get().progress;
    if (p === null || p.call_id !== event.call_id) return;
    const i = p.open.findLastIndex((o) => o.event.stage === event.stage);
    const open = event.state === 'started' ? [...p.open, { event, at: Date.now() }] : i < 0 ? p.open : [...p.open.slice(0, i), ...p.open.slice(i + 1)];
    set({ progress: { ...p, open } });
  };
  const listen = (): Promise<void> => {
    if (progressSource === undefined) return Promise.resolve();
    subscribed ??= progressSource(hear).ready;
    return subscribed;
  };
  let seq = 0;
  let running: ActionKey | null = null;
  const setAction = (action: ActionKey, state: ActionState | undefined) => {
    const { [action]: _previous, ...others } = get().actions;
    set({ actions: state === undefined ? others : { ...others, [action]: state } });
  };
  /** The answered record replaces the edited one (same target, or the first save of a new draft) and its entry in the list. */
  const keep = (record: TargetRecord, isSave: boolean) => {
    const s = get();
    const edited = s.record === null ? isSave : s.record.target.id === record.target.id;
    set({
      ...(edited ? { record } : {}),
      targets: s.targets.map((t) => (t.target.id === record.target.id ? record : t)),
      // An edit of the target answers for the failures about its earlier state.
      ...(isSave ? { actions: Object.fromEntries(Object.entries(s.actions).filter(([, a]) => a?.status !== 'failed')) } : {}),
    });
  };

  const run = async <M extends MethodName>(method: M, input: MethodInput<M>, label: string): Promise<MethodOutput<M> | null> => {
    current += 1;
    const mine = current;
    running = method;
    set({ busy: label });
    setAction(method, { status: 'running', label });
    // A long call is named, so its progress can be shown and Cancel can stop it in main.
    const call_id = isProgressMethod(method) && progressSource !== undefined ? newCallId() : undefined;
    if (call_id !== undefined && isProgressMethod(method)) {
      set({ progress: { call_id, method, label, open: [], cancelling: false } });
      await listen();
    }
    const result = await (call_id === undefined ? client[method](input) : client[method](input, { call_id }));
    if (call_id !== undefined && get().progress?.call_id === call_id) set({ progress: null });
    if (mine !== current) {
      // Superseded by a later call: its answer is ignored, and it no longer counts as running.
      if (running !== method && get().actions[method]?.status === 'running') setAction(method, undefined);
      return null;
    }
    running = null;
    seq += 1;
    if (result.ok) {
      set({ busy: null });
      setAction(method, { status: 'done', seq });
      const record = answeredRecord(method, result.value);
      if (record !== undefined) keep(record, method === 'targets.save');
      return result.value;
    }
    const retry = SECRET_INPUT.has(method)
      ? null
      : async () => {
          await get().run(method, input, label);
        };
    set({ busy: null });
    setAction(method, { status: 'failed', seq, failure: { action: method, label, error: result.error, retry } });
    return null;
  };

  return {
    run,
    query: (method, input) => client[method](input),
    cancel: () => {
      const p = get().progress;
      if (p !== null) {
        // Stopped in main: the call answers CHECK_CANCELLED soon, and that answer ends the action.
        if (!p.cancelling) {
          set({ progress: { ...p, cancelling: true } });
          void client['calls.cancel']({ call_id: p.call_id });
        }
        return;
      }
      current += 1;
      if (running !== null) setAction(running, undefined);
      running = null;
      set({ busy: null });
    },
    dismiss: (action) => {
      if (get().actions[action]?.status === 'failed') setAction(action, undefined);
    },
  };
};
