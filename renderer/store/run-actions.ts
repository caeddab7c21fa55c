import type { MethodInput, MethodName, MethodOutput, Result, TargetRecord } from '../../shared/contract';
import type { ApiClient } from '../api/client';
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
  /** Stops waiting for the running call. */
  readonly cancel: () => void;
  /** Forgets the kept failure of one action (the admin dismissed it). */
  readonly dismiss: (action: ActionKey) => void;
}

type Set = (partial: Partial<AppData>) => void;
type Get = () => AppData & RunActions;

export const runActions = (client: ApiClient, set: Set, get: Get): RunActions => {
  let current = 0;
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
    const result = await client[method](input);
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
