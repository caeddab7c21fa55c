import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_NOT_VALID, EXIT_SIGNER_UNCONFIRMED } from '../../../../main/cli/cli-io';
import { bundleCommand } from '../../../../main/cli/commands/bundle';
import { runCli } from '../../../../main/cli/run';
import { signingKeyCommand } from '../../../../main/cli/commands/signing-key';
import { SIGNING_KEY_ACCOUNT } from '../../../../main/services/bundle/signing-key';
import { cloudJira, dcTunnel, newKey, payloadOf, signedFile, TEST_SECRETS } from '../../services/bundle/bundle-support';
import { cliHarness } from './bundle-cli-support';

const secrets = { 'cloud-1:bitbucket': TEST_SECRETS.bitbucket, 'cloud-1:jira': TEST_SECRETS.jira, 'dc-1:bitbucket': TEST_SECRETS.dc };
let h: Awaited<ReturnType<typeof cliHarness>>;
afterEach(() => h.cleanup());

const fpOf = (lines: string[]): string => (lines.find((l) => l.startsWith('fingerprint:')) ?? '').split(/\s+/)[1] ?? '';

describe('bundle export / verify on the command line', () => {
  it('exports a target by name to --out and verifies it (exit 0), as text and as --json', async () => {
    h = await cliHarness([cloudJira(), dcTunnel()], secrets);
    const file = h.path('dc.wrobundle.json');
    const summary = h.path('dc.summary.txt');
    expect(await h.run(bundleCommand, ['export', '--target', 'Data Center target', '--out', file, '--summary', summary, '--expires-in', '10'])).toBe(0);
    expect(h.out[0]).toBe(`Wrote ${file}`);
    const fp = fpOf(h.out);
    expect(fp).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readFileSync(summary, 'utf8')).toContain('Readiness: ready');

    expect(await h.run(bundleCommand, ['verify', file])).toBe(EXIT_SIGNER_UNCONFIRMED);
    expect(h.out.join('\n')).toContain('signer:       NOT CONFIRMED');
    expect(await h.run(bundleCommand, ['verify', file, '--fingerprint', fp])).toBe(0);
    const text = h.out.join('\n');
    for (const needle of ['verdict:      valid', `pinned:       ${fp} (matches)`, `fingerprint:  ${fp}`, 'target:       Data Center target (dc-1)', 'allowlist:    approved_tunnel', 'readiness:    ready', 'expires:      2026-12-09T08:00:00.000Z']) {
      expect(text).toContain(needle);
    }

    expect(await h.run(bundleCommand, ['verify', file, '--json', '--fingerprint', fp.toUpperCase()])).toBe(0);
    const json = JSON.parse(h.out[0] ?? '{}') as Record<string, unknown>;
    expect(json).toMatchObject({ verdict: 'valid', valid: true, fingerprint: fp, pinned_fingerprint: fp, signer_confirmed_by: 'pin' });
    expect((json.summary as { allowlist_status: string }).allowlist_status).toBe('approved_tunnel');
    expect((json.readiness as { verdict: string }).verdict).toBe('ready');
  });

  it('exits 5 with the code for a changed byte, a pin mismatch, an expired bundle and a 6 MiB file', async () => {
    h = await cliHarness([cloudJira()], secrets);
    const file = h.path('c.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'cloud-1', '--out', file])).toBe(0);
    const good = readFileSync(file, 'utf8');

    expect(await h.run(bundleCommand, ['verify', file, '--fingerprint', `sha256:${'b'.repeat(64)}`])).toBe(EXIT_NOT_VALID);
    expect(h.out[0]).toBe('verdict:      BUNDLE_KEY_MISMATCH');
    expect(h.out.join('\n')).toContain('(DIFFERS)');

    const i = good.indexOf('"payload": "') + 40;
    writeFileSync(file, good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1));
    expect(await h.run(bundleCommand, ['verify', file, '--json'])).toBe(EXIT_NOT_VALID);
    expect(JSON.parse(h.out[0] ?? '{}')).toMatchObject({ verdict: 'BUNDLE_SIGNATURE_INVALID', valid: false, summary: null });

    writeFileSync(file, good);
    h.clock.advance(31 * 24 * 60 * 60 * 1000);
    expect(await h.run(bundleCommand, ['verify', file])).toBe(EXIT_NOT_VALID);
    expect(h.out[0]).toBe('verdict:      BUNDLE_EXPIRED');

    writeFileSync(file, good + ' '.repeat(6 * 1024 * 1024));
    expect(await h.run(bundleCommand, ['verify', file])).toBe(EXIT_NOT_VALID);
    expect(h.out[0]).toBe('verdict:      BUNDLE_MALFORMED');
  });

  it.each([
    [['verify'], 'exactly one FILE'],
    [['verify', 'a', 'b'], 'exactly one FILE'],
    [['verify', '/nonexistent/x.wrobundle.json'], 'cannot read'],
    [['verify', 'x', '--fingerprint', 'abc'], '--fingerprint is refused: It has 3 hex digits'],
    [['verify', 'x', '--fingerprint', `md5:${'a'.repeat(64)}`], '--fingerprint is refused: "m" is not a hex digit'],
    [['verify', 'x', '--fingerprint', `sha256:${'a'.repeat(64)}`, '--trust', 'y'], 'not both'],
    [['verify', 'x', '--trust', '/nonexistent/trust.txt'], 'cannot read'],
    [['verify', 'x', '--bogus'], 'bogus'],
    [['export'], '--target'],
    [['export', '--target', 'x', '--expires-in', '0'], '--expires-in'],
    [['export', '--target', 'x', '--expires-in', '400'], '--expires-in'],
    [['frobnicate'], 'export'],
    [[], 'export'],
  ])('bundle %j is a usage error (exit 2)', async (args, hint) => {
    h = await cliHarness([]);
    expect(await h.run(bundleCommand, args)).toBe(2);
    expect(h.err.join('\n')).toContain(hint);
  });

  it('escapes control and bidi characters from the bundle when printing', async () => {
    h = await cliHarness([{ ...dcTunnel(), target: { ...dcTunnel().target, name: 'evil\u001b[2J\u202ename' } }]);
    const file = h.path('e.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file])).toBe(0);
    expect(await h.run(bundleCommand, ['verify', file])).toBe(EXIT_SIGNER_UNCONFIRMED);
    const text = h.out.join('\n');
    expect(text).toContain('target:       evil\\u001b[2J\\u202ename (dc-1)');
    expect(text.includes('\u001b') || text.includes('\u202e')).toBe(false);
  });

  it('exits 1 naming the blocking codes when the target is not ready, and writes nothing', async () => {
    h = await cliHarness([{ ...dcTunnel(), target: { ...dcTunnel().target, allowlist_status: undefined } }]);
    const file = h.path('x.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file])).toBe(1);
    expect(h.err.join('\n')).toMatch(/BUNDLE_EXPORT_BLOCKED: .*ALLOWLIST_STATUS_MISSING/);
    expect(() => readFileSync(file)).toThrow();
  });

  it('exits 1 with BUNDLE_NOT_SAVED for a target changed after the Review step saved it, and writes nothing', async () => {
    h = await cliHarness([cloudJira()], secrets);
    const { created_at: _c, updated_at: _u, ...draft } = cloudJira().target;
    const changed = await h.io.client()['targets.save']({ target: { ...draft, name: 'Payments, renamed' } });
    expect(changed.ok && changed.value.review?.current).toBe(false);
    const file = h.path('c.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'cloud-1', '--out', file])).toBe(1);
    expect(h.err.join('\n')).toMatch(/^BUNDLE_NOT_SAVED: "Payments, renamed" changed after it was saved on the Review step \(.+\): Export signs only the record saved there\. Review it and press "Save target", then export again\.$/u);
    expect(h.out).toEqual([]);
    expect(() => readFileSync(file)).toThrow();
    // The Review step's Save (targets.save with reviewed) is what lets it through.
    expect((await h.io.client()['targets.save']({ target: { ...draft, name: 'Payments, renamed' }, reviewed: true })).ok).toBe(true);
    expect(await h.run(bundleCommand, ['export', '--target', 'cloud-1', '--out', file])).toBe(0);
  });
});

describe('bundle verify: who signed it', () => {
  const attacker = newKey();
  /** The admin's real bundle, re-signed by a fresh key that it now carries; `edit` changes the payload first. */
  const forge = (good: string, edit: (p: Record<string, unknown>) => Record<string, unknown> = (p) => p): string =>
    signedFile(edit({ ...payloadOf(good), signing_key: { algorithm: 'Ed25519', public_key_spki: attacker.spki, fingerprint: attacker.fingerprint } }), attacker.privateKey, attacker.fingerprint);
  const aloud = (fp: string): string => (fp.slice(7).match(/.{4}/g) ?? []).join(' ');

  it('a bundle re-signed with a fresh attacker key never exits 0 without a pin, and a pin or trust file refuses it', async () => {
    h = await cliHarness([dcTunnel()], secrets);
    const real = h.path('real.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', real])).toBe(0);
    const adminFp = fpOf(h.out);
    const forged = h.path('forged.wrobundle.json');
    writeFileSync(forged, forge(readFileSync(real, 'utf8')));

    expect(await h.run(bundleCommand, ['verify', forged])).toBe(EXIT_SIGNER_UNCONFIRMED);
    expect(h.out[0]).toBe('verdict:      valid_unpinned');
    expect(h.out.join('\n')).toContain(`fingerprint:  ${attacker.fingerprint}`);
    expect(await h.run(bundleCommand, ['verify', forged, '--json'])).toBe(EXIT_SIGNER_UNCONFIRMED);
    expect(JSON.parse(h.out[0] ?? '{}')).toMatchObject({ verdict: 'valid_unpinned', valid: false, signer_confirmed_by: null });

    expect(await h.run(bundleCommand, ['verify', forged, '--fingerprint', aloud(adminFp)])).toBe(EXIT_NOT_VALID);
    expect(h.out[0]).toBe('verdict:      BUNDLE_KEY_MISMATCH');
    expect(h.out.join('\n')).toContain('(DIFFERS)');

    const trust = h.path('trust.txt');
    writeFileSync(trust, `# keys the security team confirmed\n\n${aloud(adminFp).toUpperCase()}  # Dana, read out on 2026-11-29\n`);
    expect(await h.run(bundleCommand, ['verify', forged, '--trust', trust])).toBe(EXIT_NOT_VALID);
    expect(h.out[0]).toBe('verdict:      BUNDLE_KEY_MISMATCH');
    expect(h.out.join('\n')).toContain('trusted:      1 key (the signer is NOT one)');
    expect(await h.run(bundleCommand, ['verify', real, '--trust', trust])).toBe(0);
    expect(h.out.join('\n')).toContain('trusted:      1 key (the signer is one)');
  });

  type Edit = (p: Record<string, unknown>) => Record<string, unknown>;
  it.each<{ name: string; edit: Edit; code: string }>([
    { name: 'a 9999 expiry', edit: (p) => ({ ...p, expires_at: '9999-12-31T00:00:00.000Z' }), code: 'BUNDLE_LIFETIME_TOO_LONG' },
    { name: 'a lifetime of 366 days', edit: (p) => ({ ...p, expires_at: new Date(Date.parse(String(p.issued_at)) + 366 * 86_400_000).toISOString() }), code: 'BUNDLE_LIFETIME_TOO_LONG' },
    {
      name: 'a blocked readiness',
      edit: (p) => ({ ...p, readiness: { ...(p.readiness as object), verdict: 'blocked', blocking: ['PROVIDER_AUTH_REQUIRED'], can_export: false } }),
      code: 'BUNDLE_NOT_READY',
    },
  ])('$name exits 5 with $code, even pinned to the key that signed it', async ({ edit, code }) => {
    h = await cliHarness([dcTunnel()], secrets);
    const real = h.path('real.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', real])).toBe(0);
    const bad = h.path('bad.wrobundle.json');
    writeFileSync(bad, forge(readFileSync(real, 'utf8'), edit));
    for (const pin of [[], ['--fingerprint', attacker.fingerprint]]) {
      expect(await h.run(bundleCommand, ['verify', bad, ...pin])).toBe(EXIT_NOT_VALID);
      expect(h.out[0]).toBe(`verdict:      ${code}`);
      expect(h.out[1]).toMatch(/^message: {6}\S/);
    }
  });

  it('refuses a trust file with a bad line, naming the line and the reason', async () => {
    h = await cliHarness([]);
    const trust = h.path('trust.txt');
    writeFileSync(trust, `# ok\nsha256:${'a'.repeat(64)}\nsha256:${'a'.repeat(60)}\n`);
    writeFileSync(h.path('x.wrobundle.json'), '{}');
    expect(await h.run(bundleCommand, ['verify', h.path('x.wrobundle.json'), '--trust', trust])).toBe(2);
    expect(h.err.join('\n')).toContain('--trust: line 3 is refused: It has 60 hex digits');
  });

  it('says the exit codes in bundle --help', async () => {
    h = await cliHarness([]);
    expect(await runCli(['bundle', '--help'], h.io)).toBe(0);
    const help = h.out.join('\n');
    expect(help).toMatch(/exits 0 valid and signed by the pinned or a trusted key, 6 signature valid but signer not confirmed .*, 5 not valid/);
    expect(help).toContain('[--fingerprint FINGERPRINT | --trust FILE]');
  });
});

describe('through the CLI runner', () => {
  it('knows bundle and signing-key, with exit 0 / 5 / 2', async () => {
    h = await cliHarness([dcTunnel()], secrets);
    const file = h.path('dc.wrobundle.json');
    expect(await runCli(['bundle', 'export', '--target', 'dc-1', '--out', file], h.io)).toBe(0);
    expect(await runCli(['bundle', 'verify', file], h.io)).toBe(EXIT_SIGNER_UNCONFIRMED);
    expect(await runCli(['bundle', 'verify', file, '--fingerprint', `sha256:${'c'.repeat(64)}`], h.io)).toBe(EXIT_NOT_VALID);
    expect(await runCli(['bundle', 'verify'], h.io)).toBe(2);
    expect(await runCli(['bundle', 'verify', file, '--nope'], h.io)).toBe(2);
    expect(await runCli(['signing-key'], h.io)).toBe(0);
    expect(await runCli(['signing-key', '--rotate', '--json'], h.io)).toBe(0);
    expect(await runCli(['bundle', 'verify', file], h.io)).toBe(EXIT_SIGNER_UNCONFIRMED);
  });
});

describe('signing-key on the command line', () => {
  it('shows the fingerprint (made on first use), rotates in one step, and never prints a secret', async () => {
    h = await cliHarness([cloudJira(), dcTunnel()], secrets);
    const seen: string[] = [];
    expect(await h.run(signingKeyCommand, [])).toBe(0);
    seen.push(...h.out, ...h.err);
    const fp = fpOf(h.out);
    expect(h.out.join('\n')).toContain('created now');
    expect(h.out).toContain('-----BEGIN PUBLIC KEY-----');
    expect(await h.run(signingKeyCommand, ['--json'])).toBe(0);
    seen.push(...h.out, ...h.err);
    expect(JSON.parse(h.out[0] ?? '{}')).toMatchObject({ fingerprint: fp, created: false });
    const oldPem = String(h.secretMap.get(SIGNING_KEY_ACCOUNT));

    for (const id of ['cloud-1', 'dc-1']) {
      const file = h.path(`${id}.wrobundle.json`);
      expect(await h.run(bundleCommand, ['export', '--target', id, '--out', file, '--summary', h.path(`${id}.txt`)])).toBe(0);
      seen.push(...h.out, ...h.err, readFileSync(file, 'utf8'), readFileSync(h.path(`${id}.txt`), 'utf8'));
      const payload = JSON.parse(readFileSync(file, 'utf8')).payload as string;
      seen.push(Buffer.from(payload, 'base64').toString('utf8'));
      expect(await h.run(bundleCommand, ['verify', file, '--json'])).toBe(EXIT_SIGNER_UNCONFIRMED);
      seen.push(...h.out, ...h.err);
    }

    expect(await h.run(signingKeyCommand, ['--rotate'])).toBe(0);
    seen.push(...h.out, ...h.err);
    expect(h.out.join('\n')).toContain(`replaced:     ${fp}`);
    expect(fpOf(h.out)).not.toBe(fp);
    // The old bundles still verify after the rotation: they carry their own key.
    expect(await h.run(bundleCommand, ['verify', h.path('dc-1.wrobundle.json'), '--fingerprint', fp])).toBe(0);
    seen.push(...h.out, ...h.err);

    const newPem = String(h.secretMap.get(SIGNING_KEY_ACCOUNT));
    const bodies = [oldPem, newPem].map((p) => p.split('\n').slice(1, -2).join(''));
    const raws = bodies.map((b) => Buffer.from(b, 'base64').subarray(-32));
    const all = seen.join('\n');
    for (const needle of [...Object.values(TEST_SECRETS), ...bodies, ...raws.map((r) => r.toString('base64')), ...raws.map((r) => r.toString('hex'))]) {
      expect(all).not.toContain(needle);
    }
  });
});
