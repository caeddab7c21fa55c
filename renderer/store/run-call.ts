import type { Result } from '../../shared/contract';
import type { AppData, FailedCall } from './state';

type SetData = (partial: Partial<AppData>) => void;

/**
 * Runs one contract call with the busy line and the error panel kept in step: on failure the
 * coded error is kept with a retry, on success any previous failure is cleared.
 */
export const runCall = async <T>(
  set: SetData,
  label: string,
  call: () => Promise<Result<T>>,
  retry: FailedCall['retry'],
): Promise<T | null> => {
  set({ busy: label, failure: null });
  const result = await call();
  if (result.ok) {
    set({ busy: null });
    return result.value;
  }
  set({ busy: null, failure: { error: result.error, retry } });
  return null;
};
