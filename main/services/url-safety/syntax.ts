import type { BlockReason } from '../../../shared/domain/checks';
import { hostnameProblem } from './hostname-rules';
import { hostSpellingProblem } from './host-spelling';
import { carriesUserinfo, httpsAuthorityProblem, rawTextProblem } from './raw-text';

// Stage 1: syntax. Raw-text checks (the text, then the host as typed), then the WHATWG parser, then
// rules on the *canonical* host.
// Returns a value; never throws.

export type HostKind = 'ipv4' | 'ipv6' | 'name';

export interface ParsedTarget {
  readonly ok: true;
  readonly url: URL;
  /** https, lower-case host without trailing dot, explicit non-default port, path without trailing slash. */
  readonly normalized: string;
  /** Canonical host: IPv6 without brackets, names without a trailing dot. */
  readonly host: string;
  readonly hostKind: HostKind;
  readonly port: number;
}

export interface SyntaxFailure {
  readonly ok: false;
  readonly verdict: 'invalid' | 'block';
  readonly reason: Extract<BlockReason, 'syntax' | 'scheme' | 'userinfo'>;
  readonly detail: string;
  readonly normalized: string | null;
}

export type SyntaxOutcome = ParsedTarget | SyntaxFailure;

const invalid = (detail: string): SyntaxFailure => ({ ok: false, verdict: 'invalid', reason: 'syntax', detail, normalized: null });

const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u;

const parse = (input: string): URL | null => {
  try {
    return new URL(input);
  } catch {
    return null;
  }
};

export const normalizePath = (pathname: string): string => pathname.replace(/\/+$/u, '');

export const checkSyntax = (input: string): SyntaxOutcome => {
  const raw = rawTextProblem(input);
  if (raw !== null) return invalid(`the URL ${raw}`);
  const spelling = hostSpellingProblem(input);
  if (spelling !== null) return invalid(spelling);
  const url = parse(input);
  if (url === null) return invalid('not an absolute URL the WHATWG parser accepts');
  if (url.protocol !== 'https:') {
    return { ok: false, verdict: 'block', reason: 'scheme', detail: `scheme ${url.protocol} is not https:`, normalized: null };
  }
  const authority = httpsAuthorityProblem(input);
  if (authority !== null) return invalid(authority);
  if (url.port === '0') return invalid('port 0');
  let host = url.hostname;
  let hostKind: HostKind;
  if (host.startsWith('[')) {
    host = host.slice(1, -1);
    hostKind = 'ipv6';
  } else if (DOTTED_QUAD.test(host)) {
    hostKind = 'ipv4';
  } else {
    if (host.endsWith('.')) host = host.slice(0, -1);
    const problem = hostnameProblem(host);
    if (problem !== null) return invalid(problem);
    hostKind = 'name';
  }
  const hostForUrl = hostKind === 'ipv6' ? `[${host}]` : host;
  const port = url.port === '' ? 443 : Number(url.port);
  const normalized = `https://${hostForUrl}${url.port === '' ? '' : `:${url.port}`}${normalizePath(url.pathname)}`;
  if (carriesUserinfo(input)) {
    return { ok: false, verdict: 'block', reason: 'userinfo', detail: 'userinfo or "@" in the authority', normalized };
  }
  return { ok: true, url, normalized, host, hostKind, port };
};

/**
 * The base a client appends its API path to: the normalised URL, so a query or fragment typed
 * into the base URL cannot swallow the path (`…/bitbucket?x#` + `/rest/api/1.0/…`). A URL the
 * syntax stage refuses is handed on as typed: the guarded client's stage 1 refuses it unsent.
 */
export const apiBase = (input: string): string => {
  const syntax = checkSyntax(input);
  return syntax.ok ? syntax.normalized : input;
};
