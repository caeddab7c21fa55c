import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_BLOCKED as EXIT_DIFFERENT, EXIT_NOT_VALID } from '../../../../main/cli/cli-io';
import { bundleCommand } from '../../../../main/cli/commands/bundle';
import { createConfSettingsStore } from '../../../../main/services/settings/conf-settings-store';
import { emptySettings } from '../../../../main/services/settings/settings-data';
import { BundleDiffResult } from '../../../../shared/contract/bundle-diff';
import { dcTunnel, TEST_SECRETS } from '../../services/bundle/bundle-support';
import { reviewSaved } from '../../../support/review-saved';
import { cliHarness } from './bundle-cli-support';

// `bundle diff` verifies both files first, then names each field that changed.

const secrets = { 'dc-1:bitbucket': TEST_SECRETS.dc };
let h: Awaited<ReturnType<typeof cliHarness>>;
afterEach(() => h.cleanup());

const exportTo = async (name: string, days = '30'): Promise<string> => {
  const file = h.path(name);
  expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file, '--expires-in', days])).toBe(0);
  return file;
};

/** dc-1 after the host moved to a new address and presented a new certificate. */
const moved = () => {
  const t = dcTunnel();
  const network = t.checks.network;
  const url = t.checks.url_safety;
  if (network?.tls === undefined || url === undefined) throw new Error('dcTunnel has evidence');
  return {
    ...t,
    checks: {
      ...t.checks,
      url_safety: { ...url, addresses: [{ ip: '10.20.0.9', range: 'private', family: 4 as const }] },
      network: { ...network, tls: { ...network.tls, fingerprint_sha256: '11:22:33', valid_to: '2027-06-01T00:00:00.000Z' } },
    },
  };
};

describe('bundle diff', () => {
  it('exits 0 for a file compared with itself', async () => {
    h = await cliHarness([dcTunnel()], secrets);
    const a = await exportTo('a.wrobundle.json');
    expect(await h.run(bundleCommand, ['diff', a, a])).toBe(0);
    // Nobody pinned the signer: the diff still runs, and says so with the fingerprint to compare.
    expect(h.out[0]).toMatch(/^A: valid_unpinned {2}sha256:[0-9a-f]{64}/);
    expect(h.out.join('\n')).toContain('same: the files are identical');
    const fp = /sha256:[0-9a-f]{64}/.exec(h.out[0] ?? '')?.[0] ?? '';
    expect(await h.run(bundleCommand, ['diff', a, a, '--fingerprint', fp])).toBe(0);
    expect(h.out[0]).toMatch(/^A: valid {2}sha256:/);
    const trust = h.path('trust.txt');
    writeFileSync(trust, `# the admin's key\n${fp}\n`);
    expect(await h.run(bundleCommand, ['diff', a, a, '--trust', trust])).toBe(0);
    expect(h.out[1]).toMatch(/^B: valid {2}sha256:/);
  });

  it('exits 3 for two bundles of a host that moved, naming the address, certificate and validity changes', async () => {
    h = await cliHarness([dcTunnel()], secrets);
    const a = await exportTo('a.wrobundle.json', '30');
    // The stored evidence, as a later probe would have replaced it, saved again on the Review step.
    await createConfSettingsStore({ dir: h.io.dataDir }).write({ ...emptySettings(), targets: reviewSaved([moved()]) });
    const b = await exportTo('b.wrobundle.json', '10');
    expect(await h.run(bundleCommand, ['diff', a, b])).toBe(EXIT_DIFFERENT);
    const text = h.out.join('\n');
    expect(text).toMatch(/addresses\s+checks\.url_safety\.addresses: 10\.20\.0\.5 \(private\) -> 10\.20\.0\.9 \(private\)/);
    expect(text).toMatch(/certificate\s+checks\.network\.tls\.fingerprint_sha256: AB:CD:EF.* -> 11:22:33/);
    expect(text).toMatch(/validity\s+expires_at: 2026-12-29T08:00:00\.000Z -> 2026-12-09T08:00:00\.000Z/);
    expect(text).toMatch(/bundle_id\s+bundle_id:/);
    expect(text).not.toMatch(/signing_key/);

    expect(await h.run(bundleCommand, ['diff', a, b, '--json'])).toBe(EXIT_DIFFERENT);
    const r = BundleDiffResult.parse(JSON.parse(h.out[0] ?? '{}'));
    expect(r).toMatchObject({ intact: true, identical: false, a: { verdict: 'valid_unpinned', intact: true }, b: { verdict: 'valid_unpinned', intact: true } });
    // The signed radar section follows the evidence: the certificate's and the bundle's dates moved with them.
    expect(new Set(r.changes.map((c) => c.section))).toEqual(new Set(['addresses', 'certificate', 'validity', 'radar', 'bundle_id']));
    expect(r.changes.find((c) => c.section === 'radar' && c.before === '2026-12-29')).toMatchObject({ after: '2026-12-09' });
    for (const s of Object.values(TEST_SECRETS)) expect(text + h.out.join('')).not.toContain(s);
  });

  it('shows a new signing key as a change, and still diffs an expired bundle (its verdict shown)', async () => {
    h = await cliHarness([dcTunnel()], secrets);
    const a = await exportTo('a.wrobundle.json', '1');
    expect((await h.io.client()['signingKey.rotate']({})).ok).toBe(true);
    h.clock.advance(3 * 24 * 60 * 60 * 1000);
    const b = await exportTo('b.wrobundle.json');
    expect(await h.run(bundleCommand, ['diff', a, b])).toBe(EXIT_DIFFERENT);
    const text = h.out.join('\n');
    expect(text).toMatch(/^A: BUNDLE_EXPIRED/m);
    expect(text).toMatch(/signing_key\s+signing_key\.fingerprint: sha256:/);
  });

  it.each([
    ['a changed payload byte', (t: string) => { const i = t.indexOf('"payload": "') + 40; return t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1); }, /^B: BUNDLE_SIGNATURE_INVALID/m],
    ['not JSON', () => 'not a bundle', /^B: BUNDLE_MALFORMED/m],
  ])('exits 5 when one file is not intact (%s), without comparing', async (_label, spoil, verdict) => {
    h = await cliHarness([dcTunnel()], secrets);
    const a = await exportTo('a.wrobundle.json');
    const b = h.path('b.wrobundle.json');
    writeFileSync(b, spoil(readFileSync(a, 'utf8')));
    expect(await h.run(bundleCommand, ['diff', a, b])).toBe(EXIT_NOT_VALID);
    expect(h.out.join('\n')).toMatch(verdict);
    expect(h.out.join('\n')).toContain('not compared');
  });

  it.each([[['diff']], [['diff', 'only-one.json']], [['diff', 'a', 'b', 'c']], [['diff', 'a', 'b', '--fingerprint', 'md5:00']], [['diff', 'a', 'b', '--fingerprint', `sha256:${'a'.repeat(64)}`, '--trust', 't']], [['diff', 'missing-a.json', 'missing-b.json']]])(
    'usage error %j exits 2',
    async (args) => {
      h = await cliHarness([], {});
      expect(await h.run(bundleCommand, args)).toBe(2);
    },
  );
});
