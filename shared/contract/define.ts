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

export { fail, ok, type Result } from './result';

/** The wire schema of a Result carrying `value`, for transports that parse what arrives. */
export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: AppError })]);

/** No arguments. */
export const NoInput = z.strictObject({});
