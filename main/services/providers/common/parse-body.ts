import type { z } from 'zod';
import type { HttpResponse } from '../../net/http-client';
import type { ProviderFailure } from './provider-result';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ProviderFailure };

/** The body as JSON, `undefined` when it is not JSON (a proxy login page, an empty 204, …). */
export const jsonOf = (response: HttpResponse): unknown => {
  if (response.body.trim() === '') return undefined;
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Every provider body goes through zod. A shape the app does not recognise is not trusted:
 * PROVIDER_RESPONSE_INVALID with the failing field paths (never the values).
 */
export const parseBody = <S extends z.ZodType>(response: HttpResponse, schema: S, what: string): Parsed<z.output<S>> => {
  const parsed = schema.safeParse(jsonOf(response));
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    failure: {
      code: 'PROVIDER_RESPONSE_INVALID',
      message: `The provider's answer to ${what} did not have the expected shape.`,
      status: response.status,
      details: { issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })) },
    },
  };
};

/** Parse a body that may be absent or of an unknown shape (error bodies): undefined when it does not fit. */
export const tryParse = <S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S> | undefined => {
  const parsed = schema.safeParse(jsonOf(response));
  return parsed.success ? parsed.data : undefined;
};
