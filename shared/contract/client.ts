import { AppError } from '../errors/codes';
import { contract, type MethodInput, type MethodOutput } from './contract';
import { resultSchema, type Result } from './define';
import { METHOD_NAMES, type MethodName } from './method-names';

/** Carries one call to the main process and brings back whatever arrived, unparsed. */
export type Transport = (name: MethodName, input: unknown) => Promise<unknown>;

export type ApiClient = { readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> };

/** A typed client over any transport; every answer is parsed against the method's output schema. */
export const createClient = (transport: Transport): ApiClient => {
  const call = async (name: MethodName, input: unknown): Promise<Result<unknown>> => {
    let raw: unknown;
    try {
      raw = await transport(name, input);
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
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as ApiClient;
};
