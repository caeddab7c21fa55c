import { describe, expect, it } from 'vitest';
import type { CheckResults } from '../../../../shared/domain/checks';
import { redirectTargetOf } from '../../../../renderer/steps/target/adopt-url';

// Issue 14 item 4: a cross-origin redirect offers "Use this URL" with the probe's API path taken off.

const AT = '2026-11-29T08:00:00.000Z';
const stopped = (from: string, to: string, reason = 'redirect'): CheckResults => ({
  network: {
    status: 'failed',
    reason: reason === 'redirect' ? 'redirect' : 'tls',
    redirects: [{ from, to, status: 301, verdict: 'blocked', reason: `cross-origin redirect to ${to}: adopt the new URL to continue` }],
    via_proxy: false,
    timings_ms: {},
    checked_at: AT,
  },
});

describe('redirectTargetOf', () => {
  it.each([
    ['the API path is stripped', 'https://old.example/rest/api/1.0/application-properties', 'https://new.example/rest/api/1.0/application-properties', 'https://new.example'],
    ['a context path is kept', 'https://old.example/bitbucket/rest/api/1.0/application-properties', 'https://new.example:8443/bitbucket/rest/api/1.0/application-properties?x=1', 'https://new.example:8443/bitbucket'],
    ['a page without the API path stays as it is, without a trailing slash', 'https://old.example/rest/api/1.0/application-properties', 'https://new.example/login/', 'https://new.example/login'],
  ])('%s', (_name, from, to, expected) => {
    expect(redirectTargetOf(stopped(from, to))).toBe(expected);
  });

  it.each([
    ['a same-origin hop (a loop, not a move)', stopped('https://a.example/rest/api/1.0/x', 'https://a.example/rest/api/1.0/x')],
    ['a downgrade to http', stopped('https://a.example/rest/api/1.0/x', 'http://b.example/rest/api/1.0/x')],
    ['an unparseable Location', stopped('https://a.example/rest/api/1.0/x', '')],
    ['a probe stopped at TLS', stopped('https://a.example/rest/api/1.0/x', 'https://b.example/', 'tls')],
    ['no probe at all', {}],
  ])('offers nothing for %s', (_name, checks) => {
    expect(redirectTargetOf(checks)).toBeNull();
  });
});
