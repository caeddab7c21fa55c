import { describe, expect, it } from 'vitest';
import type { CheckResults } from '../../../../shared/domain/checks';
import { stageRows } from '../../../../renderer/steps/target/url-stages';

const at = '2026-11-29T08:00:00.000Z';
const statuses = (checks: CheckResults, running = false) => stageRows(checks, running).map((r) => `${r.id}:${r.status}`);

describe('stageRows', () => {
  it('is all pending before any check ran, all running while one runs', () => {
    expect(stageRows({}, false).every((r) => r.status === 'pending')).toBe(true);
    expect(stageRows({}, true).every((r) => r.status === 'running')).toBe(true);
  });

  it.each([
    ['syntax', 'syntax'],
    ['scheme', 'syntax'],
    ['dns', 'dns'],
    ['reserved_ip', 'addresses'],
    ['private_network', 'policy'],
  ] as const)('a URL-safety block with reason %s fails the %s stage and skips the rest', (reason, stage) => {
    const rows = stageRows({ url_safety: { status: 'blocked', reason, addresses: [], checked_at: at } }, false);
    const i = rows.findIndex((r) => r.id === stage);
    expect(rows[i]?.status).toBe('failed');
    expect(rows.slice(0, i).every((r) => r.status === 'passed')).toBe(true);
    expect(rows.slice(i + 1).every((r) => r.status === 'skipped')).toBe(true);
  });

  it('shows the evidence of a passed check: addresses, certificate, version, timings', () => {
    const checks: CheckResults = {
      url_safety: { status: 'passed', normalized: 'https://bb.example/', addresses: [{ ip: '10.0.0.5', range: 'private', family: 4 }], checked_at: at },
      network: {
        status: 'reached',
        redirects: [],
        via_proxy: false,
        timings_ms: { connect: 12.4, tls: 20 },
        tls: { fingerprint_sha256: 'AB:CD', spki_sha256: 'x', subject: 'CN=bb', issuer: 'CN=Test CA', valid_from: at, valid_to: '2027-01-01' },
        api_root: { version: '9.4.0', buildNumber: '9004000', displayName: 'Bitbucket' },
        checked_at: at,
      },
    };
    expect(statuses(checks).every((s) => s.endsWith(':passed'))).toBe(true);
    const rows = stageRows(checks, false);
    expect(rows.find((r) => r.id === 'addresses')?.evidence).toEqual(['10.0.0.5 (IPv4, private)']);
    expect(rows.find((r) => r.id === 'tls')?.evidence).toContain('SHA-256 AB:CD');
    expect(rows.find((r) => r.id === 'connection')?.ms).toBe(12.4);
    expect(rows.find((r) => r.id === 'api_root')?.evidence).toEqual(['Bitbucket 9.4.0 (build 9004000)']);
  });

  it('a probe failing on TLS keeps the URL stages passed and fails TLS', () => {
    const checks: CheckResults = {
      url_safety: { status: 'passed', addresses: [], checked_at: at },
      network: { status: 'failed', reason: 'tls', redirects: [], via_proxy: false, timings_ms: {}, checked_at: at },
    };
    expect(statuses(checks)).toEqual([
      'syntax:passed',
      'dns:passed',
      'addresses:passed',
      'policy:passed',
      'connection:passed',
      'tls:failed',
      'redirects:skipped',
      'api_root:skipped',
    ]);
  });
});
