import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../../../../main/services/net/retry-after';
import { changeIdOf, saysGone, statusFailure } from '../../../../../main/services/providers/common/status-failure';

describe('status → code', () => {
  it.each([
    [401, 'PROVIDER_AUTH_REQUIRED'],
    [403, 'PROVIDER_SCOPE_UNAVAILABLE'],
    [404, 'PROVIDER_RESOURCE_NOT_FOUND'],
    [410, 'PROVIDER_RESOURCE_NOT_FOUND'],
    [429, 'PROVIDER_RATE_LIMITED'],
    [500, 'PROVIDER_UNAVAILABLE'],
    [502, 'PROVIDER_UNAVAILABLE'],
    [302, 'PROVIDER_UNAVAILABLE'],
  ])('%i → %s', (status, code) => {
    expect(statusFailure(status, undefined, 'x').code).toBe(code);
  });

  it('a 410 CHANGE-2770 answer (cross-workspace endpoints removed) is recognised and explained', () => {
    const f = statusFailure(410, 'This API is no longer available. See CHANGE-2770.', 'the workspace list');
    expect(f).toMatchObject({ gone: true, status: 410 });
    expect(f.message).toContain('CHANGE-2770');
    expect(f.providerMessage).toContain('no longer available');
  });

  it.each([
    ['Bitbucket Cloud issues have been removed. See CHANGE-2770.', true],
    ['Issue tracking was retired', true],
    ['Repository has no issue tracker.', false],
    ['Not found', false],
  ])('saysGone(%j) = %s', (text, gone) => {
    expect(saysGone(text)).toBe(gone);
  });

  it('finds the change id', () => {
    expect(changeIdOf('See CHANGE-2770 for details')).toBe('CHANGE-2770');
    expect(changeIdOf('nothing')).toBeUndefined();
  });
});

describe('Retry-After', () => {
  const now = new Date('2026-11-29T08:00:00.000Z');
  it.each([
    ['0', 0],
    ['30', 30],
    ['Sun, 29 Nov 2026 08:00:10 GMT', 10],
    ['Sun, 29 Nov 2026 07:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    [undefined, undefined],
  ])('%j → %s s', (value, seconds) => {
    expect(retryAfterSeconds(value, now)).toBe(seconds);
  });
});
