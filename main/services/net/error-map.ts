import type { BlockReason } from '../../../shared/domain/checks';

// Map what undici, net and tls throw to the engine's coded reasons.

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ABORT_ERR',
]);

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME|ALTNAME/u;

const codeOf = (e: unknown): string | undefined => {
  if (typeof e !== 'object' || e === null) return undefined;
  if ('code' in e && typeof e.code === 'string') return e.code;
  return 'cause' in e ? codeOf(e.cause) : undefined;
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface MappedError {
  readonly reason: BlockReason;
  readonly detail: string;
}

export const mapNetworkError = (e: unknown, overallExpired: boolean): MappedError => {
  const code = codeOf(e) ?? 'EUNKNOWN';
  const detail = `${code}: ${messageOf(e)}`;
  if (overallExpired) return { reason: 'timeout', detail: 'the overall time limit was reached' };
  if (code === 'BTS_PIN_VIOLATION') return { reason: 'dns', detail };
  if (TIMEOUT_CODES.has(code)) return { reason: 'timeout', detail };
  if (TLS_CODE.test(code)) return { reason: 'tls', detail };
  return { reason: 'unreachable', detail };
};
