import { z } from 'zod';
import { AppError } from '../errors/codes';

/** One contract method: what it accepts and what it answers, both as zod schemas. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** One line for docs, `--help` and the support summary. */
  readonly summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodSpec<I, O> => ({
  input,
  output,
  summary,
});

/** Every call answers a value: a result, or an expected failure with a catalog code. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: AppError['code'], message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** The wire schema of a Result carrying `value`, for transports that parse what arrives. */
export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: AppError })]);

/** No arguments. */
export const NoInput = z.strictObject({});
