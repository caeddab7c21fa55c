import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaPem, readCaFile } from '../../../../main/services/tls/ca-loader';
import { testPki } from '../../../support/test-ca';

describe('parseCaPem', () => {
  it('answers subject, SHA-256 fingerprint and expiry of a real certificate', async () => {
    const { caCert } = await testPki();
    const r = parseCaPem(caCert);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.certificates).toHaveLength(1);
    const [c] = r.value.certificates;
    expect(c?.subject).toContain('Bitbucket Target Setup test CA');
    expect(c?.fingerprint_sha256).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(Date.parse(c?.not_after ?? '')).toBeGreaterThan(Date.now());
  });

  it('keeps every certificate of a chain', async () => {
    const { caCert, serverCert } = await testPki();
    const r = parseCaPem(`${caCert}\n${serverCert}`);
    expect(r.ok && r.value.certificates.length).toBe(2);
  });

  const garbage = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
  it.each([
    ['empty text', '', 'no PEM certificate'],
    ['plain words', 'hello', 'no PEM certificate'],
    ['a PEM block that is not X.509', garbage, 'does not parse as X.509'],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'private key'],
    ['over 64 KB', 'x'.repeat(64 * 1024 + 1), 'larger than 64 KB'],
  ])('refuses %s as CA_FILE_INVALID', (_name, text, reason) => {
    const r = parseCaPem(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CA_FILE_INVALID');
    expect(r.error.message).toContain(reason);
  });
});

describe('readCaFile', () => {
  it('reads a PEM file and refuses a missing one with the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bts-ca-'));
    const { caCert } = await testPki();
    await writeFile(join(dir, 'ca.pem'), caCert);
    expect((await readCaFile(join(dir, 'ca.pem'))).ok).toBe(true);
    const missing = await readCaFile(join(dir, 'nope.pem'));
    expect(missing.ok === false && missing.error.code).toBe('CA_FILE_INVALID');
    expect(missing.ok === false && missing.error.message).toContain('ENOENT');
    const folder = await readCaFile(dir);
    expect(folder.ok === false && folder.error.message).toContain('not a file');
  });
});
