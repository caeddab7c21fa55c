import type { Result } from '../../shared/contract';
import type { ApiClient } from '../api/client';
import type { AppData } from './state';

export interface RunActions {
  /** The contract client, for steps that call a method directly through `run`. */
  readonly client: ApiClient;
  /**
   * Runs one call with the busy line, the error panel (with a retry) and cancellation: a call
   * cancelled by the admin resolves to null and its late answer is ignored.
   */
  readonly run: <T>(label: string, call: () => Promise<Result<T>>) => Promise<T | null>;
  /** Stops waiting for the running call. */
  readonly cancel: () => void;
}

type Set = (partial: Partial<AppData>) => void;
type Get = () => AppData & RunActions;

export const runActions = (client: ApiClient, set: Set, get: Get): RunActions => {
  let current = 0;
  const run = async <T,>(label: string, call: () => Promise<Result<T>>): Promise<T | null> => {
    current += 1;
    const mine = current;
    set({ busy: label, failure: null });
    const result = await call();
    if (mine !== current) return null;
    if (result.ok) {
      set({ busy: null });
      return result.value;
    }
    set({
      busy: null,
      failure: {
        error: result.error,
        retry: async () => {
          await get().run(label, call);
        },
      },
    });
    return null;
  };
  return {
    client,
    run,
    cancel: () => {
      current += 1;
      set({ busy: null });
    },
  };
};
