import { afterEach, describe, expect, it } from 'vitest';
import type { TargetRecord } from '../../../../shared/contract/targets';
import { CA_PEM_MAX_CHARS } from '../../../../shared/domain/ca';
import { isDataCenter, type DataCenterTarget } from '../../../../shared/domain/target';
import { emptySettings } from '../../../../main/services/settings/settings-data';
import { CA_A_PEM, CA_B_PEM } from '../../../support/corporate-ca';
import { dataCenterTarget } from '../../../support/domain-builders';
import { testApi } from '../../../support/test-api';

// Issue 12: a CA is stored as its PEM content with subject, fingerprint and expiry, never as a
// path; the API takes PEM text only and answers CA_FILE_INVALID for anything that is not one or
// more parseable X.509 certificates (a garbage block is never silently ignored).

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const FINGERPRINT_A = 'B7:B3:D0:30:F0:B1:35:2E:54:19:D3:8D:B6:78:A0:82:20:5A:53:C2:72:EF:BB:53:92:59:13:0D:52:4D:2D:A2';

const setup = async (stored: DataCenterTarget = dataCenterTarget()) => {
  const t = testApi();
  cleanups.push(t.cleanup);
  await t.deps.settings.write({ ...emptySettings(), targets: [{ target: stored, checks: {} }] });
  const { created_at: _c, updated_at: _u, ca: _ca, ca_needs_choice: _n, ...draft } = stored;
  const save = (change: Record<string, unknown>) => t.api.call('targets.save', { target: { ...draft, ...change } });
  return { ...t, save };
};

const dcOf = (r: { ok: boolean; value?: unknown; error?: { code: string; message: string } }): DataCenterTarget => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error?.code}: ${r.error?.message}`);
  const t = (r.value as TargetRecord).target;
  if (!isDataCenter(t)) throw new Error('not a Data Center target');
  return t;
};

describe('targets.save: the corporate CA as content', () => {
  it('stores the PEM with the facts the one CA loader read (subject, SHA-256 fingerprint, expiry)', async () => {
    const { save } = await setup();
    const t = dcOf(await save({ ca_pem: CA_A_PEM }));
    expect(t.ca?.pem).toBe(CA_A_PEM);
    expect(t.ca?.certificates).toEqual([
      expect.objectContaining({ subject: 'O=Example Corp, CN=Example Corp Issuing CA A', fingerprint_sha256: FINGERPRINT_A, not_after: '2036-11-28T23:56:26.000Z' }),
    ]);
  });

  it('keeps the stored CA when a draft does not name one, replaces it with a new text, removes it with null', async () => {
    const { save } = await setup();
    dcOf(await save({ ca_pem: CA_A_PEM }));
    expect(dcOf(await save({ workspace: 'OPS' })).ca?.pem).toBe(CA_A_PEM);
    expect(dcOf(await save({ ca_pem: `${CA_B_PEM}${CA_A_PEM}` })).ca?.certificates.map((c) => c.subject)).toEqual([
      'O=Example Corp, CN=Example Corp Issuing CA B',
      'O=Example Corp, CN=Example Corp Issuing CA A',
    ]);
    expect(dcOf(await save({ ca_pem: null })).ca).toBeUndefined();
  });

  const invalid: Array<[string, string, RegExp]> = [
    ['text without any PEM block', 'just some text', /no PEM certificate/],
    ['a garbage block alone', '-----BEGIN CERTIFICATE-----\n!!! not base64 !!!\n-----END CERTIFICATE-----\n', /no PEM certificate/],
    ['a certificate followed by a garbage block (not silently ignored)', `${CA_A_PEM}-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n`, /PEM block that is not a certificate/],
    ['base64 that is not X.509', '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n', /does not parse as X\.509/],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n', /private key/],
    ['a certificate request', `${CA_A_PEM}-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n`, /PEM block that is not a certificate/],
  ];
  it.each(invalid)('answers CA_FILE_INVALID for %s, and stores nothing', async (_label, pem, reason) => {
    const { save, deps } = await setup();
    const r = await save({ ca_pem: pem });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CA_FILE_INVALID');
    expect(String(r.error.details?.['reason'])).toMatch(reason);
    const stored = await deps.settings.read();
    const t = stored.ok ? stored.value.targets[0]?.target : undefined;
    expect(t !== undefined && isDataCenter(t) ? t.ca : 'unread').toBeUndefined();
  });

  it('takes PEM text only: a path, a caller-made `ca` object and a text over 64 KB are refused', async () => {
    const { save } = await setup();
    for (const change of [{ ca_file: '/etc/ssl/corp-ca.pem' }, { ca: { pem: CA_A_PEM, certificates: [] } }, { ca_pem: 'x'.repeat(CA_PEM_MAX_CHARS + 1) }]) {
      const r = await save(change);
      expect(r.ok ? 'saved' : r.error.code).toBe('REQUEST_INVALID');
    }
  });

  it('a CA that must be chosen again blocks readiness with CA_FILE_INVALID until one is chosen or the CA removed', async () => {
    const { save, api } = await setup(dataCenterTarget({ ca_needs_choice: { reason: 'The CA file an earlier version of the app used could not be read (ENOENT).' } }));
    const before = await api.call('targets.get', { id: 'dc-1' });
    expect(before.ok && (before.value as TargetRecord).readiness.blocking).toContain('CA_FILE_INVALID');
    expect(dcOf(await save({ workspace: 'OPS' })).ca_needs_choice).toBeDefined();
    const chosen = await save({ ca_pem: CA_A_PEM });
    expect(dcOf(chosen).ca_needs_choice).toBeUndefined();
    expect(chosen.ok && (chosen.value as TargetRecord).readiness.blocking).not.toContain('CA_FILE_INVALID');
  });
});
