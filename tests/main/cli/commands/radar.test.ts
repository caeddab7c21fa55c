import { writeFileSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleCommand } from '../../../../main/cli/commands/bundle';
import { EXIT_BLOCKED as EXIT_DUE } from '../../../../main/cli/cli-io';
import { radarCommand } from '../../../../main/cli/commands/radar';
import { RadarScanResult } from '../../../../shared/contract/radar';
import { cloudJira, dcTunnel, TEST_SECRETS } from '../../services/bundle/bundle-support';
import { cliHarness } from './bundle-cli-support';

// The radar over saved targets and bundle files, through the contract like every CLI command.
// The harness clock stands at 2026-11-29T08:00Z.

const secrets = { 'cloud-1:bitbucket': TEST_SECRETS.bitbucket, 'cloud-1:jira': TEST_SECRETS.jira, 'dc-1:bitbucket': TEST_SECRETS.dc };
let h: Awaited<ReturnType<typeof cliHarness>>;
afterEach(() => h.cleanup());

/** A Data Center target whose certificate (2027-01-01) and release (9.6, until 2027-01-18) are more than 30 days away. */
const dcCalm = () => {
  const t = dcTunnel();
  const network = t.checks.network;
  if (network === undefined) throw new Error('dcTunnel has network evidence');
  return { ...t, checks: { ...t.checks, network: { ...network, api_root: { version: '9.6.0', buildNumber: '9006000', displayName: 'Bitbucket' } } } };
};

const json = () => RadarScanResult.parse(JSON.parse(h.out[0] ?? '{}'));
const noSecretIn = (text: string) => {
  for (const s of Object.values(TEST_SECRETS)) expect(text).not.toContain(s);
};

describe('radar over saved targets', () => {
  it('exits 0 when nothing falls within 30 days, yet lists every date, the Data Center end of life included', async () => {
    h = await cliHarness([dcCalm()], secrets);
    expect(await h.run(radarCommand, [])).toBe(0);
    const text = h.out.join('\n');
    expect(text).toContain('0 of 3 items due or past within 30 days');
    expect(text).toMatch(/ok\s+2029-03-28\s+platform_end_of_life/);
    expect(text).toMatch(/ok\s+2027-01-18\s+release_support .*Bitbucket Data Center 9\.6\.0 .*supported until 2027-01/);
    expect(text).toMatch(/ok\s+2027-01-01\s+certificate .*SHA-256 AB:CD:EF/);
    expect(text).toContain('-> Plan the move to Bitbucket Cloud before this date.');
    noSecretIn(text + h.err.join('\n'));
  });

  it('exits 3 once the window reaches a date, and names it', async () => {
    h = await cliHarness([dcCalm()], secrets);
    expect(await h.run(radarCommand, ['--within', '40', '--json'])).toBe(EXIT_DUE);
    const r = json();
    expect(r.due).toBe(1);
    expect(r.items.find((i) => i.status === 'due')).toMatchObject({ kind: 'certificate', date: '2027-01-01', days_left: 33 });
  });

  it('lists a stored API token as expiring 365 days after it was stored ("assumed"), or on the date given', async () => {
    h = await cliHarness([cloudJira()], {});
    const assumed = await h.io.client()['credentials.store']({ target_id: 'cloud-1', kind: 'bitbucket', secret: TEST_SECRETS.bitbucket });
    expect(assumed.ok && assumed.value.expiry).toMatchObject({ expires_on: '2027-11-29', basis: 'assumed' });
    const given = await h.io.client()['credentials.store']({ target_id: 'cloud-1', kind: 'jira', secret: TEST_SECRETS.jira, expires_on: '2026-12-20' });
    expect(given.ok && given.value.expiry).toMatchObject({ expires_on: '2026-12-20', basis: 'given' });
    expect(readFileSync(`${h.io.dataDir}/settings.json`, 'utf8')).not.toContain(TEST_SECRETS.jira);

    expect(await h.run(radarCommand, ['--target', 'acme/payments'])).toBe(EXIT_DUE);
    const text = h.out.join('\n');
    expect(text).toMatch(/DUE\s+2026-12-20\s+credential .*Jira credential stored 2026-11-29 \(as entered/);
    expect(text).toMatch(/ok\s+2027-11-29\s+credential .*Bitbucket credential stored 2026-11-29 \(assumed: stored date \+ 365 days/);
    noSecretIn(text);

    await h.io.client()['credentials.delete']({ target_id: 'cloud-1', kind: 'jira' });
    expect(await h.run(radarCommand, ['--target', 'cloud-1'])).toBe(0);
    expect(h.out.join('\n')).not.toContain('Jira credential');
  });

  it.each([
    ['a past date', '2026-11-01', /in the past/],
    ['beyond 365 days for an API token', '2027-12-01', /within 365 days/],
  ])('refuses an expiry date %s', async (_label, date, message) => {
    h = await cliHarness([cloudJira()], {});
    const r = await h.io.client()['credentials.store']({ target_id: 'cloud-1', kind: 'bitbucket', secret: TEST_SECRETS.bitbucket, expires_on: date });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('REQUEST_INVALID');
      expect(r.error.message).toMatch(message);
    }
  });

  it('exits 1 for a target that does not exist', async () => {
    h = await cliHarness([dcCalm()], secrets);
    expect(await h.run(radarCommand, ['--target', 'nope'])).toBe(1);
    expect(h.err.join('\n')).toContain('TARGET_NOT_FOUND');
  });
});

describe('radar over a bundle', () => {
  it('exits 3 for a bundle expiring in 10 days, and 0 for one expiring in 60', async () => {
    h = await cliHarness([dcCalm()], secrets);
    const file = h.path('dc.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file, '--expires-in', '10'])).toBe(0);
    expect(await h.run(radarCommand, ['--bundle', file])).toBe(EXIT_DUE);
    const text = h.out.join('\n');
    expect(text).toMatch(/^bundle: {2}valid/m);
    expect(text).toMatch(/DUE\s+2026-12-09\s+bundle .*Signed bundle/);
    expect(text).toContain('Export a new bundle before this date');
    noSecretIn(text + readFileSync(file, 'utf8'));

    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file, '--expires-in', '60'])).toBe(0);
    expect(await h.run(radarCommand, ['--bundle', file, '--json'])).toBe(0);
    expect(json().items.find((i) => i.kind === 'bundle')).toMatchObject({ date: '2027-01-28', status: 'ok' });
  });

  it("lists the credential's expiry from the bundle's signed radar section (the payload has no credential facts)", async () => {
    // As credentials.store records it (main/services/targets/credential-meta.ts), beside the checked target.
    const credential_meta = { bitbucket: { stored_at: '2026-11-29T07:00:00.000Z', expires_on: '2026-12-15', basis: 'given' as const } };
    h = await cliHarness([{ ...dcCalm(), credential_meta }], secrets);
    const file = h.path('dc.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file])).toBe(0);
    expect(await h.run(radarCommand, ['--bundle', file])).toBe(EXIT_DUE);
    const text = h.out.join('\n');
    expect(text).toMatch(/DUE\s+2026-12-15\s+credential .*Bitbucket credential stored 2026-11-29 \(as entered when it was stored\)/);
    noSecretIn(text + h.err.join('\n') + readFileSync(file, 'utf8'));
  });

  it('exits 5 for a bundle whose signature does not hold', async () => {
    h = await cliHarness([dcCalm()], secrets);
    const file = h.path('dc.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file])).toBe(0);
    const good = readFileSync(file, 'utf8');
    const i = good.indexOf('"payload": "') + 40;
    writeFileSync(file, good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1));
    expect(await h.run(radarCommand, ['--bundle', file])).toBe(5);
    expect(h.err.join('\n')).toContain('BUNDLE_SIGNATURE_INVALID');
  });
});

describe('radar usage errors exit 2', () => {
  it.each([
    [['--within', 'soon']],
    [['--within', '-1']],
    [['--target', 'a', '--bundle', 'b']],
    [['--fingerprint', 'sha256:00']],
    [['--ca', 'x.pem']],
    [['--allowlist-status', 'open', '--probe', 'https://x.example']],
    [['stray']],
    [['--bogus']],
  ])('%j', async (args) => {
    h = await cliHarness([], {});
    expect(await h.run(radarCommand, args)).toBe(2);
    expect(h.err.length).toBeGreaterThan(0);
  });
});
