import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfSettingsStore } from '../../../../main/services/settings/conf-settings-store';
import { migrateSettings } from '../../../../main/services/settings/migrate';
import { isDataCenter } from '../../../../shared/domain/target';
import { CA_A_PEM } from '../../../support/corporate-ca';
import { dataCenterTarget, passedUrl } from '../../../support/domain-builders';

// Version 1 files named a Data Center target's CA by path (`ca_file`). Version 2 stores the CA's
// content: the file is read once; a file that no longer loads is dropped and the CA marked as
// needing to be chosen again. Either way the file still loads, without crashing.

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'bts-ca-migrate-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A version-1 settings object whose Data Center target names `path` as its CA file. */
const v1With = (path: unknown) => {
  const { ca: _ca, ca_needs_choice: _n, ...target } = dataCenterTarget({ id: 'dc-legacy' });
  return { schema_version: 1, targets: [{ target: { ...target, ca_file: path }, checks: { url_safety: passedUrl } }] };
};

const migratedTarget = (raw: unknown) => {
  const r = migrateSettings(raw);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const t = r.value.targets[0]?.target;
  if (t === undefined || !isDataCenter(t)) throw new Error('no Data Center target');
  return t;
};

describe('settings version 1 → 2: the CA file path becomes the CA content', () => {
  it('reads a CA file that still loads, keeps its content and facts, and keeps no path', () => {
    const file = join(tempDir(), 'corp-ca.pem');
    writeFileSync(file, CA_A_PEM);
    const t = migratedTarget(v1With(file));
    expect(t.ca?.pem).toBe(CA_A_PEM);
    expect(t.ca?.certificates[0]).toMatchObject({
      subject: 'O=Example Corp, CN=Example Corp Issuing CA A',
      fingerprint_sha256: 'B7:B3:D0:30:F0:B1:35:2E:54:19:D3:8D:B6:78:A0:82:20:5A:53:C2:72:EF:BB:53:92:59:13:0D:52:4D:2D:A2',
    });
    expect(t.ca_needs_choice).toBeUndefined();
    expect(JSON.stringify(t)).not.toContain(file);
    expect(t).not.toHaveProperty('ca_file');
  });

  const lost: Array<[string, (dir: string) => string, RegExp]> = [
    ['a file that is gone', (dir) => join(dir, 'missing.pem'), /could not be read \(ENOENT\)/],
    ['a directory', (dir) => dir, /is not a file any more/],
    ['a garbage PEM block', (dir) => {
      const f = join(dir, 'garbage.pem');
      writeFileSync(f, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');
      return f;
    }, /no longer holds a usable certificate/],
    ['a certificate followed by a block that is not one', (dir) => {
      const f = join(dir, 'mixed.pem');
      writeFileSync(f, `${CA_A_PEM}-----BEGIN CERTIFICATE-----\n!!! not base64 !!!\n-----END CERTIFICATE-----\n`);
      return f;
    }, /no longer holds a usable certificate/],
    ['a file over 64 KB', (dir) => {
      const f = join(dir, 'big.pem');
      writeFileSync(f, CA_A_PEM.repeat(100));
      return f;
    }, /larger than 64 KB/],
  ];
  it.each(lost)('drops %s and marks the CA as needing to be chosen again (no crash, no path kept)', (_label, make, reason) => {
    const dir = tempDir();
    const path = make(dir);
    const t = migratedTarget(v1With(path));
    expect(t.ca).toBeUndefined();
    expect(t.ca_needs_choice?.reason).toMatch(reason);
    expect(JSON.stringify(t)).not.toContain(path);
  });

  it('drops an empty or non-string ca_file without a mark (nothing was chosen)', () => {
    expect(migratedTarget(v1With('')).ca_needs_choice).toBeUndefined();
    expect(migratedTarget(v1With(7)).ca_needs_choice).toBeUndefined();
  });

  it('the settings store writes the migrated file back once: the CA file is not read again', async () => {
    const dir = tempDir();
    const caFile = join(dir, 'corp-ca.pem');
    writeFileSync(caFile, CA_A_PEM);
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(v1With(caFile)));
    const first = await createConfSettingsStore({ dir }).read();
    expect(first.ok).toBe(true);
    const onDisk = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(JSON.parse(onDisk)).toMatchObject({ schema_version: 2 });
    expect(onDisk).not.toContain('ca_file');
    unlinkSync(caFile);
    const again = await createConfSettingsStore({ dir }).read();
    if (!again.ok) throw new Error(again.error.message);
    const t = again.value.targets[0]?.target;
    expect(t !== undefined && isDataCenter(t) ? t.ca?.pem : undefined).toBe(CA_A_PEM);
  });
});
