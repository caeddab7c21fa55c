import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, type Logger } from '../../../../main/services/logging/logger';
import type { BundleExportResult, SigningKeyView } from '../../../../shared/contract/bundle';
import type { BundleVerification } from '../../../../shared/domain/bundle';
import { SIGNING_KEY_ACCOUNT } from '../../../../main/services/bundle/signing-key';
import { emptySettings, type StoredTarget } from '../../../../main/services/settings/settings-data';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { reviewSaved } from '../../../support/review-saved';
import { testApi } from '../../../support/test-api';
import { cloudJira, dcTunnel, TEST_SECRETS } from '../../services/bundle/bundle-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const setup = async (
  targets: StoredTarget[] = reviewSaved([cloudJira(), dcTunnel()]),
  secrets = memorySecretStore({
    'cloud-1:bitbucket': TEST_SECRETS.bitbucket,
    'cloud-1:jira': TEST_SECRETS.jira,
    'dc-1:bitbucket': TEST_SECRETS.dc,
  }),
  logger?: Logger,
) => {
  const t = testApi({ secrets: secrets.store, ...(logger === undefined ? {} : { logger }) });
  cleanups.push(t.cleanup);
  await t.deps.settings.write({ ...emptySettings(), targets });
  return { ...t, secretMap: secrets.map };
};

const value = <T>(r: unknown): T => {
  const res = r as { ok: boolean; value?: T; error?: { code: string } };
  if (!res.ok) throw new Error(`expected ok, got ${res.error?.code}`);
  return res.value as T;
};
const codeOf = (r: unknown): string | undefined => (r as { ok: boolean; error?: { code: string } }).error?.code;

describe('bundle.export and bundle.verify through the api', () => {
  it.each([
    ['by id', 'dc-1'],
    ['by name, any case', 'data center TARGET'],
  ])('exports a saved target %s and verifies it as text and as bytes', async (_how, ref) => {
    const { api } = await setup();
    const out = value<BundleExportResult>(await api.call('bundle.export', { id: ref }));
    expect(out.file_name).toMatch(/^dc-1-\d{8}\.wrobundle\.json$/);
    const asText = value<BundleVerification>(await api.call('bundle.verify', { text: out.text }));
    expect(asText.verdict).toBe('valid_unpinned');
    expect(asText.summary).toMatchObject({ target_id: 'dc-1', allowlist_status: 'approved_tunnel', readiness_verdict: 'ready' });
    const asBytes = value<BundleVerification>(await api.call('bundle.verify', { bytes_base64: Buffer.from(out.text).toString('base64'), fingerprint: out.fingerprint }));
    expect(asBytes.verdict).toBe('valid');
    // The pin as the admin reads it aloud: groups, capitals, no prefix.
    const aloud = (out.fingerprint.slice(7).match(/.{4}/g) ?? []).join(' ').toUpperCase();
    expect(value<BundleVerification>(await api.call('bundle.verify', { text: out.text, fingerprint: aloud }))).toMatchObject({ verdict: 'valid', pinned_fingerprint: out.fingerprint, signer_confirmed_by: 'pin' });
    expect(value<BundleVerification>(await api.call('bundle.verify', { text: out.text, trusted: [`sha256:${'0'.repeat(64)}`, aloud] }))).toMatchObject({ verdict: 'valid', signer_confirmed_by: 'trust_list', trusted_count: 2 });
    const key = value<SigningKeyView>(await api.call('signingKey.get', {}));
    expect(key.fingerprint).toBe(out.fingerprint);
  });

  it('answers TARGET_NOT_FOUND, BUNDLE_EXPORT_BLOCKED and REQUEST_INVALID as values', async () => {
    const { api } = await setup([{ ...dcTunnel(), target: { ...dcTunnel().target, allowlist_status: undefined } }]);
    expect(codeOf(await api.call('bundle.export', { id: 'nope' }))).toBe('TARGET_NOT_FOUND');
    const blocked = await api.call('bundle.export', { id: 'dc-1' });
    expect(codeOf(blocked)).toBe('BUNDLE_EXPORT_BLOCKED');
    expect(JSON.stringify(blocked)).toContain('ALLOWLIST_STATUS_MISSING');
    expect(codeOf(await api.call('bundle.export', { id: 'dc-1', expires_in_days: 0 }))).toBe('REQUEST_INVALID');
    expect(codeOf(await api.call('bundle.verify', { text: '{}', fingerprint: 'md5:abc' }))).toBe('REQUEST_INVALID');
    expect(codeOf(await api.call('bundle.verify', { text: '{}', trusted: ['sha256:abc'] }))).toBe('REQUEST_INVALID');
    expect(codeOf(await api.call('bundle.verify', { text: '{}', bytes_base64: 'e30=' }))).toBe('REQUEST_INVALID');
    expect(codeOf(await api.call('bundle.verify', { bytes_base64: 'e30' }))).toBe('REQUEST_INVALID');
  });

  it('reports a pinned-key mismatch and a 6 MiB file with their codes', async () => {
    const { api } = await setup();
    const out = value<BundleExportResult>(await api.call('bundle.export', { id: 'cloud-1' }));
    const pin = `sha256:${'a'.repeat(64)}`;
    expect(value<BundleVerification>(await api.call('bundle.verify', { text: out.text, fingerprint: pin })).verdict).toBe('BUNDLE_KEY_MISMATCH');
    const big = `${out.text}${' '.repeat(6 * 1024 * 1024)}`;
    expect(value<BundleVerification>(await api.call('bundle.verify', { text: big })).verdict).toBe('BUNDLE_MALFORMED');
  });

  it('never puts a stored credential or the private key in the file, the summary or the answers', async () => {
    const { api, secretMap } = await setup();
    const answers: unknown[] = [];
    for (const id of ['cloud-1', 'dc-1']) {
      const out = value<BundleExportResult>(await api.call('bundle.export', { id }));
      answers.push(out, await api.call('bundle.verify', { text: out.text }));
      answers.push(Buffer.from((JSON.parse(out.text) as { payload: string }).payload, 'base64').toString('utf8'));
    }
    answers.push(await api.call('signingKey.get', {}), await api.call('signingKey.rotate', {}));
    const pem = String(secretMap.get(SIGNING_KEY_ACCOUNT));
    const pemBody = pem.split('\n').slice(1, -2).join('');
    const rawPrivate = Buffer.from(pemBody, 'base64').subarray(-32);
    const haystack = JSON.stringify(answers);
    for (const needle of [...Object.values(TEST_SECRETS), pemBody, rawPrivate.toString('base64'), rawPrivate.toString('hex')]) {
      expect(needle.length).toBeGreaterThan(20);
      expect(haystack).not.toContain(needle);
    }
  });

  it('logs exports, verdicts and key changes by id and fingerprint, never a secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bts-bundle-log-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const logger = createFileLogger({ file: join(dir, 'app.log') });
    const { api, secretMap } = await setup(undefined, undefined, logger);
    const key = value<SigningKeyView>(await api.call('signingKey.get', { create: true }));
    const pems = [String(secretMap.get(SIGNING_KEY_ACCOUNT))];
    const out = value<BundleExportResult>(await api.call('bundle.export', { id: 'cloud-1' }));
    await api.call('bundle.verify', { text: out.text });
    await api.call('bundle.export', { id: 'nope' });
    await api.call('signingKey.rotate', {});
    pems.push(String(secretMap.get(SIGNING_KEY_ACCOUNT)));
    await logger.flush();
    const log = readFileSync(logger.file, 'utf8');
    expect(log).toContain('"bundle exported"');
    expect(log).toContain(out.bundle_id);
    expect(log).toContain('"verdict":"valid_unpinned"');
    expect(log).toContain('"signing key rotated"');
    expect(log).toContain(String(key.fingerprint));
    const bodies = pems.map((p) => p.split('\n').slice(1, -2).join(''));
    for (const needle of [...Object.values(TEST_SECRETS), ...bodies, ...bodies.map((b) => Buffer.from(b, 'base64').subarray(-32).toString('base64'))]) {
      expect(log).not.toContain(needle);
    }
  });

  it('does not block an export because a short password happens to be an ordinary word', async () => {
    const { api } = await setup(reviewSaved([cloudJira()]), memorySecretStore({ 'cloud-1:bitbucket': 'admin' }));
    const out = value<BundleExportResult>(await api.call('bundle.export', { id: 'cloud-1' }));
    expect(out.text.length).toBeGreaterThan(0);
  });

  it('refuses to export when a stored credential leaked into the evidence', async () => {
    const leaky = cloudJira();
    const { api } = await setup(reviewSaved([{ ...leaky, checks: { ...leaky.checks, jira: { status: 'ok', detail: `echo ${TEST_SECRETS.jira}`, checked_at: '2026-11-29T08:00:00.000Z' } } }]));
    const r = await api.call('bundle.export', { id: 'cloud-1' });
    expect(codeOf(r)).toBe('BUNDLE_EXPORT_BLOCKED');
    expect(JSON.stringify(r)).not.toContain(TEST_SECRETS.jira);
  });
});

describe('signingKey.get and signingKey.rotate', () => {
  it('shows no key until asked to create one, then the same key until rotated', async () => {
    const { api, secretMap } = await setup();
    const none = value<SigningKeyView>(await api.call('signingKey.get', {}));
    expect(none).toMatchObject({ exists: false, created: false, fingerprint: null });
    expect(secretMap.has(SIGNING_KEY_ACCOUNT)).toBe(false);
    const made = value<SigningKeyView>(await api.call('signingKey.get', { create: true }));
    expect(made).toMatchObject({ exists: true, created: true, algorithm: 'Ed25519' });
    expect(made.public_key_pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = value<SigningKeyView>(await api.call('signingKey.get', { create: true }));
    expect(again).toMatchObject({ created: false, fingerprint: made.fingerprint });
    const rotated = value<{ key: SigningKeyView; previous_fingerprint: string | null }>(await api.call('signingKey.rotate', {}));
    expect(rotated.previous_fingerprint).toBe(made.fingerprint);
    expect(rotated.key.fingerprint).not.toBe(made.fingerprint);
  });

  it('answers KEYCHAIN_UNAVAILABLE when there is no Secret Service', async () => {
    const { api } = await setup(undefined, memorySecretStore({}, { unavailable: true }));
    for (const [name, input] of [['signingKey.get', {}], ['signingKey.get', { create: true }], ['signingKey.rotate', {}], ['bundle.export', { id: 'dc-1' }]] as const) {
      expect(codeOf(await api.call(name, input))).toBe('KEYCHAIN_UNAVAILABLE');
    }
  });
});
