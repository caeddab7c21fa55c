import { describe, expect, it } from 'vitest';
import { accessTokenIdOf, expiryDayOf, userSlugOf } from '../../../../../main/services/providers/data-center/dc-token-expiry';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('which HTTP access tokens can be looked up', () => {
  it.each([
    ['BBDC- + base64 of <id>:<secret>', `BBDC-${b64('649346856370:s3cret')}`, '649346856370'],
    ['base64 of <id>:<secret> without the prefix', b64('075905477751:xyz'), '075905477751'],
    ['not base64', 'BBDC-NzQ0sim-http-access-token-3c2b1a', undefined],
    ['base64 without an id', `BBDC-${b64('just-a-secret')}`, undefined],
    ['an id with nothing after it', `BBDC-${b64('649346856370:')}`, undefined],
    ['an Atlassian Cloud API token', 'ATATT3xFfGF0-test-bitbucket-token-7d1c9a', undefined],
  ])('%s', (_label, token, id) => expect(accessTokenIdOf(token)).toBe(id));

  it.each([
    ['dana', 'dana'],
    ['john.doe', 'john.doe'],
    ['dana@acme.example', undefined],
    ['../admin', undefined],
    ['', undefined],
  ])('user %s → slug %s', (name, slug) => expect(userSlugOf(name)).toBe(slug));

  it('counts expiryDays from createdDate, and no expiryDays as no expiry', () => {
    const createdDate = Date.parse('2026-11-01T23:30:00.000Z');
    expect(expiryDayOf({ id: '1', createdDate, expiryDays: 90 })).toBe('2027-01-30');
    expect(expiryDayOf({ id: '1', createdDate })).toBeNull();
  });
});
