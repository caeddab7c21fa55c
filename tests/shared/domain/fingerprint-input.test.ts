import { describe, expect, it } from 'vitest';
import { PinnedFingerprint } from '../../../shared/domain/bundle';
import { readFingerprint, readTrustList } from '../../../shared/domain/fingerprint-input';

const HEX = '19f2ab61c0de4e5f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f';
const FP = `sha256:${HEX}`;
const groups = (sep: string, hex = HEX): string => (hex.match(/.{4}/g) ?? []).join(sep);

describe('readFingerprint: the fingerprint as the admin reads it out', () => {
  it.each([
    ['canonical', FP],
    ['capitals', FP.toUpperCase()],
    ['no prefix', HEX],
    ['groups of four, read aloud', groups(' ')],
    ['groups with the prefix', `sha256:${groups(' ')}`],
    ['the export screen pasted: four lines of four groups', (groups(' ').match(/(\S+ ?){1,4}/g) ?? []).join('\n')],
    ['openssl colon pairs, capitals', `SHA256:${(HEX.match(/.{2}/g) ?? []).join(':').toUpperCase()}`],
    ['SHA-256 prefix with blanks', `SHA-256: ${groups('-')}`],
    ['blanks around', `  ${FP}\t\n`],
  ])('%s → the canonical form', (_name, text) => {
    expect(readFingerprint(text)).toEqual({ ok: true, fingerprint: FP });
    expect(PinnedFingerprint.parse(text)).toBe(FP);
  });

  it.each([
    ['empty', '   ', /empty/],
    ['one group missing', groups(' ', HEX.slice(4)), /60 hex digits; a SHA-256 fingerprint has 64/],
    ['one digit extra', `${HEX}0`, /65 hex digits/],
    ['a letter that is not hex', `${HEX.slice(0, 63)}g`, /"g" is not a hex digit/],
    ['an MD5 prefix', `md5:${HEX}`, /"m" is not a hex digit/],
    ['a zero-width space inside', `${HEX.slice(0, 10)}\u200b${HEX.slice(10)}`, /U\+200B is not a hex digit/],
    ['a base64 (SSH-style) fingerprint', 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8', /base64 fingerprint/],
  ])('%s is refused with its reason', (_name, text, reason) => {
    const r = readFingerprint(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
    const parsed = PinnedFingerprint.safeParse(text);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toMatch(reason);
  });
});

describe('readTrustList: one fingerprint per line', () => {
  it('takes comments, blank lines, any grouping and CRLF, and drops repeats', () => {
    const other = `sha256:${'ab'.repeat(32)}`;
    const text = ['# reviewers of Acme', '', `${groups(' ')}   # Dana's laptop`, `  ${other.toUpperCase()}\r`, FP, ''].join('\n');
    expect(readTrustList(text)).toEqual({ ok: true, fingerprints: [FP, other] });
  });

  it.each([
    ['a line that is not a fingerprint', `${FP}\n\nnot-a-key\n`, 3, /not a hex digit/],
    ['a short line', `# x\n${HEX.slice(8)}`, 2, /56 hex digits/],
    ['only comments', '# nothing here\n\n', 3, /lists no fingerprint/],
  ])('%s refuses the whole file, naming the line', (_name, text, line, reason) => {
    const r = readTrustList(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(line);
      expect(r.reason).toMatch(reason);
    }
  });
});
