import type { z } from 'zod';
import {
  contract,
  fail,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
  type Result,
} from '../../shared/contract';
import type { CallContext } from './calls';

/** `ctx`: who called, and for a named long call its cancel signal and progress reports (calls.ts). */
export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: CallContext) => Promise<Result<MethodOutput<M>>>;
export type Handlers = { readonly [M in MethodName]: Handler<M> };

/** Field paths and messages of a failed parse, never the values (they may hold a secret). */
export const issuesOf = (error: z.ZodError): Array<{ path: string; message: string }> =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));

/**
 * The one door every transport goes through: the name is checked against the contract, the
 * payload parsed as `unknown` with the method's schema, and a bug becomes INTERNAL_ERROR
 * instead of a thrown exception crossing a process boundary.
 */
export const dispatch = async (handlers: Handlers, name: string, payload: unknown, ctx: CallContext = { owner: 'direct' }): Promise<Result<unknown>> => {
  if (!isMethodName(name)) return fail('METHOD_UNKNOWN', `No method named ${JSON.stringify(name.slice(0, 80))}.`);
  const parsed = contract[name].input.safeParse(payload ?? {});
  if (!parsed.success) {
    return fail('REQUEST_INVALID', `The request to ${name} is not valid.`, { issues: issuesOf(parsed.error) });
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<Result<unknown>>;
    return await handler(parsed.data, ctx);
  } catch (cause) {
    // A bug, not an expected failure. The message stays generic: an exception text may carry input.
    void cause;
    return fail('INTERNAL_ERROR', `${name} failed unexpectedly.`);
  }
};
