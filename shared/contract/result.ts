import type { AppError } from '../errors/codes';

// The Result values every call answers, without zod: the renderer's first screen and its
// transports build them before the contract's schemas are loaded (docs/performance.md).

/** Every call answers a value: a result, or an expected failure with a catalog code. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: AppError['code'], message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
