import { describe, expect, it } from 'vitest';
import { redactText } from '../../../renderer/safe-mode/redact';
import { sensitiveNamesOf } from '../../../renderer/safe-mode/sensitive-names';
import { AT, dataCenterTarget } from '../../support/domain-builders';

// Issue 14: safe mode also masks the CA issuer the host presented (the TLS row's evidence names the organisation).

describe('sensitiveNamesOf', () => {
  it('holds the presented certificate\'s issuer and subject, so the TLS evidence line is masked', () => {
    const tls = { fingerprint_sha256: 'AA:BB', spki_sha256: 'cc', subject: 'CN=git.internal-acme', issuer: 'O=Acme Corp, CN=Acme Corp Issuing CA 2', valid_from: AT, valid_to: AT };
    const checks = { network: { status: 'reached' as const, tls, redirects: [], via_proxy: false, timings_ms: {}, checked_at: AT } };
    const names = sensitiveNamesOf(dataCenterTarget(), checks);
    const line = redactText(`issuer ${tls.issuer}`, names);
    expect(line).toBe('issuer [hidden]');
    expect(line).not.toContain('Acme');
  });
});
