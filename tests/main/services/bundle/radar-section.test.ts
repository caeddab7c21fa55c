import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../../../main/services/bundle/export-bundle';
import { fixedClock } from '../../../../main/services/clock/clock';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import { BundleRadar } from '../../../../shared/domain/radar';
import { bundleRadarItems } from '../../../../shared/domain/radar-items';
import { corporateCa, CA_A_PEM } from '../../../support/corporate-ca';
import { APP, dcTunnel, makeExporter, newKey, NOW, payloadOf, signedFile, TEST_SECRETS } from './bundle-support';

// Every exported bundle carries the expiry radar's entries in its signed payload: the host
// certificate, the corporate CA, the credential (assumed where it is), the bundle's own expiry, the
// Data Center end of life and the feature release's end of support. Bundles exported before the
// section existed still verify, and their radar falls back to what their payload says.

const credentialMeta = { bitbucket: { stored_at: '2026-11-01T10:00:00.000Z', expires_on: '2027-11-01', basis: 'assumed' as const } };

const exportWithRadar = async () => {
  const ex = makeExporter();
  const base = dcTunnel();
  const r = await exportBundle(
    { keys: ex.keys, clock: ex.clock, app: APP },
    { target: { ...base.target, ca: corporateCa(CA_A_PEM) }, checks: base.checks, credentialMeta, expiresInDays: 10, forbidden: [TEST_SECRETS.dc] },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const entryDates = (radar: unknown) => Object.fromEntries(BundleRadar.parse(radar).entries.map((e) => [e.kind, [e.date, e.basis]]));

describe('the radar section of an exported bundle', () => {
  it('signs every dated item at export time, the assumed credential expiry marked so', async () => {
    const out = await exportWithRadar();
    const payload = payloadOf(out.text);
    const radar = BundleRadar.parse(payload['radar']);
    expect(radar.generated_at).toBe(NOW);
    expect(entryDates(radar)).toEqual({
      certificate: ['2027-01-01', 'observed'],
      ca: ['2036-11-28', 'observed'],
      credential: ['2027-11-01', 'assumed'],
      bundle: ['2026-12-09', 'observed'],
      release_support: ['2026-12-03', 'published'],
      platform_end_of_life: ['2029-03-28', 'published'],
    });
    expect(radar.entries.find((e) => e.kind === 'credential')?.subject).toContain('assumed: stored date + 365 days');
    // Facts only: no secret, no PEM.
    for (const s of Object.values(TEST_SECRETS)) expect(out.text + out.summary_text).not.toContain(s);
    expect(JSON.stringify(radar)).not.toContain('BEGIN CERTIFICATE');
    expect(verifyBundle(out.text, { clock: fixedClock(NOW), pinnedFingerprint: out.fingerprint }).verdict).toBe('valid');
    // The printable summary lists them too.
    // In a fixed order (by kind, not by date), so that a diff of two bundles pairs the same entries.
    expect(out.summary_text).toMatch(/Expiry radar \(as known at 2026-11-29T09:00:00.000Z\):\n {2}2027-01-01 {2}certificate +TLS certificate CN=bitbucket.corp.acme.com/);
    expect(out.summary_text).toContain('2026-12-03  release_support');
    expect(out.summary_text).toContain('2029-03-28  platform_end_of_life');
  });

  it('is judged against the reader\'s clock, not the exporter\'s: the entries come from the signed section', async () => {
    const out = await exportWithRadar();
    const v = verifyBundle(out.text, { clock: fixedClock(NOW) });
    if (v.payload === null) throw new Error('intact');
    const later = bundleRadarItems(v.payload, new Date('2027-10-20T00:00:00.000Z'), 30);
    // Only the section knows the credential: the payload's target and checks carry no credential facts.
    expect(later.find((i) => i.kind === 'credential')).toMatchObject({ date: '2027-11-01', basis: 'assumed', status: 'due', days_left: 12, scope: 'Data Center target' });
    expect(later.find((i) => i.kind === 'credential')?.action).toMatch(/Create a new token before this date/);
    expect(later.find((i) => i.kind === 'bundle')).toMatchObject({ status: 'past' });
  });

  it.each([
    ['an entry date moved', (r: Record<string, unknown>) => ({ ...r, entries: (r['entries'] as Record<string, unknown>[]).map((e) => (e['kind'] === 'certificate' ? { ...e, date: '2030-01-01' } : e)) })],
    ['an entry dropped', (r: Record<string, unknown>) => ({ ...r, entries: (r['entries'] as unknown[]).slice(1) })],
    ['the section removed', () => undefined],
  ])('changed after signing (%s) breaks the signature', async (_label, edit) => {
    const out = await exportWithRadar();
    const env = JSON.parse(out.text) as { payload: string; payloadType: string; signatures: unknown[] };
    const payload = payloadOf(out.text);
    const edited = { ...payload, radar: edit(payload['radar'] as Record<string, unknown>) };
    const tampered = JSON.stringify({ ...env, payload: Buffer.from(JSON.stringify(edited), 'utf8').toString('base64') }, null, 2);
    const v = verifyBundle(tampered, { clock: fixedClock(NOW), pinnedFingerprint: out.fingerprint });
    expect(v.verdict).toBe('BUNDLE_SIGNATURE_INVALID');
    expect(v.payload).toBeNull();
  });

  it('a bundle exported before the section existed still verifies, and its radar comes from its payload', async () => {
    const key = newKey();
    const { radar: _none, ...old } = payloadOf((await makeExporter().exportOk(dcTunnel())).text);
    const file = signedFile({ ...old, signing_key: { algorithm: 'Ed25519', public_key_spki: key.spki, fingerprint: key.fingerprint } }, key.privateKey, key.fingerprint);
    const v = verifyBundle(file, { clock: fixedClock(NOW), pinnedFingerprint: key.fingerprint });
    expect(v.verdict).toBe('valid');
    if (v.payload === null) throw new Error('intact');
    expect(v.payload.radar).toBeUndefined();
    const items = bundleRadarItems(v.payload, new Date(NOW), 30);
    expect(items.map((i) => i.kind).sort()).toEqual(['bundle', 'certificate', 'platform_end_of_life', 'release_support']);
  });

  it('a section that is not the schema is refused as malformed, after the signature holds', async () => {
    const key = newKey();
    const p = payloadOf((await makeExporter().exportOk(dcTunnel())).text);
    const forged = { ...p, signing_key: { algorithm: 'Ed25519', public_key_spki: key.spki, fingerprint: key.fingerprint }, radar: { generated_at: NOW, entries: [{ kind: 'lunar_eclipse', subject: 'x', date: null, basis: 'observed' }] } };
    const v = verifyBundle(signedFile(forged, key.privateKey, key.fingerprint), { clock: fixedClock(NOW), pinnedFingerprint: key.fingerprint });
    expect(v.verdict).toBe('BUNDLE_MALFORMED');
    expect(v.issues.some((i) => i.path.startsWith('radar.entries.0.kind'))).toBe(true);
  });
});
