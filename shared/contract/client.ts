import { AppError } from '../errors/codes';
import { contract, type MethodInput, type MethodOutput } from './contract';
import { resultSchema, type Result } from './define';
import { METHOD_NAMES, type MethodName } from './method-names';

/**
 * The transport-level options of one call (parsed where the call arrives: CallOptionsSchema in
 * progress.ts). `call_id` names a call of a long method (PROGRESS_METHODS): its progress events
 * carry it, and `calls.cancel` stops it.
 */
export interface CallOptions {
  readonly call_id?: string;
}

/** Carries one call to the main process and brings back whatever arrived, unparsed. */
export type Transport = (name: MethodName, input: unknown, options?: CallOptions) => Promise<unknown>;

export type ApiClient = { readonly [M in MethodName]: (input: MethodInput<M>, options?: CallOptions) => Promise<Result<MethodOutput<M>>> };

/** A typed client over any transport; every answer is parsed against the method's output schema. */
export const createClient = (transport: Transport): ApiClient => {
  const call = async (name: MethodName, input: unknown, options?: CallOptions): Promise<Result<unknown>> => {
    let raw: unknown;
    try {
      raw = await (options === undefined ? transport(name, input) : transport(name, input, options));
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : 'transport failed';
      return { ok: false, error: AppError.parse({ code: 'INTERNAL_ERROR', message: `The call could not be delivered: ${message}` }) };
    }
    const parsed = resultSchema(contract[name].output).safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INTERNAL_ERROR', message: `The answer to ${name} did not match the contract.` } };
    }
    return parsed.data as Result<unknown>;
  };
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown, options?: CallOptions) => call(name, input, options)])) as unknown as ApiClient;
};
