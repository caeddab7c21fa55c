import type { CheckFinding } from '../../../../shared/contract/checks';
import type { ErrorCode } from '../../../../shared/errors/codes';
import type { ProviderFailure } from './provider-result';

type Id = CheckFinding['id'];

export const pass = (id: Id, title: string, detail: string, evidence: Record<string, unknown> = {}): CheckFinding => ({
  id,
  title,
  verdict: 'pass',
  detail,
  evidence,
});

export const warn = (id: Id, title: string, detail: string, evidence: Record<string, unknown> = {}, code?: ErrorCode): CheckFinding => ({
  id,
  title,
  verdict: 'warn',
  ...(code === undefined ? {} : { code }),
  detail,
  evidence,
});

export const fail = (id: Id, title: string, code: ErrorCode, detail: string, evidence: Record<string, unknown> = {}): CheckFinding => ({
  id,
  title,
  verdict: 'fail',
  code,
  detail,
  evidence,
});

export const skip = (id: Id, title: string, detail: string): CheckFinding => ({ id, title, verdict: 'skip', detail, evidence: {} });

/** A failed call as a finding: its code, its sentence, and the status and provider words as evidence. */
export const failFrom = (id: Id, title: string, failure: ProviderFailure, extra: Record<string, unknown> = {}): CheckFinding =>
  fail(id, title, failure.code, failure.message, {
    ...(failure.status === undefined ? {} : { http_status: failure.status }),
    ...(failure.providerMessage === undefined ? {} : { provider_message: failure.providerMessage }),
    ...(failure.retryAfterSeconds === undefined ? {} : { retry_after_s: failure.retryAfterSeconds }),
    ...(failure.rateLimit?.retryAt === undefined ? {} : { retry_at: failure.rateLimit.retryAt }),
    ...(failure.rateLimit === undefined ? {} : { rate_limit_headers: failure.rateLimit.headroom }),
    ...(failure.details ?? {}),
    ...extra,
  });
