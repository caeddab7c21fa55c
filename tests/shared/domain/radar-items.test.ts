import { describe, expect, it } from 'vitest';
import { DATA_CENTER_END_OF_LIFE, findDataCenterRelease } from '../../../shared/domain/dc-releases';
import { statusOf } from '../../../shared/domain/radar';
import { addMonths, radarItemsFor, type RadarFacts } from '../../../shared/domain/radar-items';

const NOW = new Date('2026-11-29T08:00:00.000Z');

const tls = (validTo: string) => ({
  fingerprint_sha256: 'AB:CD',
  spki_sha256: 'x',
  subject: 'CN=bitbucket.corp.example',
  issuer: 'CN=Corp Issuing CA',
  valid_from: '2026-01-01T00:00:00.000Z',
  valid_to: validTo,
});

const dc = (over: Partial<RadarFacts> = {}): RadarFacts => ({ scope: 'dc', deployment: 'self-hosted', ...over });
const byKind = (facts: RadarFacts, within = 30) => Object.fromEntries(radarItemsFor(facts, NOW, within).map((i) => [i.kind, i]));

describe('statusOf', () => {
  it.each([
    ['2026-11-28', 'past', -1],
    ['2026-11-29', 'due', 0],
    ['2026-12-29', 'due', 30],
    ['2026-12-30', 'ok', 31],
    [null, 'unknown', null],
  ] as const)('%s → %s', (date, status, days) => {
    expect(statusOf(date, NOW, 30)).toEqual({ status, days_left: days });
  });
});

describe('radar items of a Data Center target', () => {
  it('marks a certificate expiring within the window as due, with its fingerprint and what to do', () => {
    const items = byKind(dc({ tls: tls('2026-12-10T12:00:00.000Z') }));
    expect(items['certificate']).toMatchObject({ date: '2026-12-10', status: 'due', days_left: 11, basis: 'observed' });
    expect(items['certificate']?.subject).toContain('SHA-256 AB:CD');
    expect(items['certificate']?.action).toMatch(/renew the host certificate/);
  });

  it('always lists the Data Center end of life on 2029-03-28, as not due years ahead', () => {
    expect(byKind(dc())['platform_end_of_life']).toMatchObject({ date: DATA_CENTER_END_OF_LIFE, status: 'ok', basis: 'published' });
    expect(DATA_CENTER_END_OF_LIFE).toBe('2029-03-28');
  });

  it.each([
    ['9.4.1', '2026-12-03', 'due', 'supported until 2026-12'],
    ['8.19.9', '2026-03-12', 'past', 'supported until 2026-03'],
    ['9.6.0', '2027-01-18', 'ok', 'supported until 2027-01'],
    ['10.1.0', null, 'unknown', 'no end-of-support date known here'],
  ] as const)('Data Center %s: end of support %s (%s)', (version, date, status, text) => {
    const item = byKind(dc({ dc_version: version }))['release_support'];
    expect(item).toMatchObject({ date, status });
    expect(item?.subject).toContain(version);
    expect(item?.subject).toContain(text);
  });

  it('asks for a probe when the certificate and version were never seen', () => {
    const items = byKind(dc());
    expect(items['certificate']).toMatchObject({ status: 'unknown', date: null });
    expect(items['certificate']?.action).toMatch(/Run the probe/);
    expect(items['release_support']?.action).toMatch(/Run the probe/);
  });

  it('lists every CA certificate with its expiry', () => {
    const items = radarItemsFor(dc({ ca: [{ subject: 'CN=Corp Root', fingerprint_sha256: '01:02', not_after: '2026-12-01T00:00:00.000Z' }] }), NOW, 30);
    expect(items.find((i) => i.kind === 'ca')).toMatchObject({ date: '2026-12-01', status: 'due' });
  });
});

describe('credential, OAuth and bundle items', () => {
  it('lists an assumed API-token expiry as assumed and a given one as given', () => {
    const items = radarItemsFor(
      {
        scope: 'cloud',
        deployment: 'cloud',
        credentials: {
          bitbucket: { stored_at: '2026-01-10T00:00:00.000Z', expires_on: '2027-01-10', basis: 'assumed' },
          jira: { stored_at: '2026-11-01T00:00:00.000Z', expires_on: '2026-12-05', basis: 'given' },
        },
      },
      NOW,
      30,
    );
    expect(items.map((i) => [i.kind, i.date, i.basis, i.status])).toEqual([
      ['credential', '2026-12-05', 'given', 'due'],
      ['credential', '2027-01-10', 'assumed', 'ok'],
    ]);
    expect(items.some((i) => i.kind === 'platform_end_of_life')).toBe(false);
  });

  it('counts an OAuth refresh token 3 months from its last use (when it was issued: refresh tokens rotate)', () => {
    const issued = (at: string) => ({ stored_at: at, expires_on: null, basis: 'assumed' as const });
    const [unused] = radarItemsFor({ scope: 'c', deployment: 'cloud', credentials: { bitbucket_refresh: issued('2026-08-01T00:00:00.000Z') } }, NOW, 30);
    expect(unused).toMatchObject({ kind: 'oauth_refresh', date: '2026-11-01', status: 'past' });
    expect(unused?.action).toMatch(/sign in with OAuth again/);
    const [near] = radarItemsFor({ scope: 'c', deployment: 'cloud', credentials: { bitbucket_refresh: issued('2026-09-20T00:00:00.000Z') } }, NOW, 30);
    expect(near).toMatchObject({ date: '2026-12-20', status: 'due' });
    const [used] = radarItemsFor({ scope: 'c', deployment: 'cloud', credentials: { bitbucket_refresh: issued('2026-11-20T00:00:00.000Z') } }, NOW, 30);
    expect(used).toMatchObject({ date: '2027-02-20', status: 'ok' });
  });

  it('marks a bundle expiring in 10 days as due', () => {
    const [b] = radarItemsFor({ scope: 'c', deployment: 'cloud', bundle_expires_at: '2026-12-09T08:00:00.000Z' }, NOW, 30);
    expect(b).toMatchObject({ kind: 'bundle', date: '2026-12-09', status: 'due', days_left: 10 });
  });

  it.each([
    ['2026-01-31T00:00:00Z', '2026-04-30'],
    ['2026-11-30T00:00:00Z', '2027-02-28'],
    ['2026-05-04T10:00:00Z', '2026-08-04'],
  ])('addMonths(%s, 3) = %s', (from, to) => expect(addMonths(from, 3)).toBe(to));

  it('finds feature releases by major.minor only', () => {
    expect(findDataCenterRelease('9.4.12')?.release).toBe('9.4');
    expect(findDataCenterRelease('9.40.0')).toBeUndefined();
    expect(findDataCenterRelease('not a version')).toBeUndefined();
  });
});
