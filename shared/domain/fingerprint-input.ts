// A signing-key fingerprint as a person gives it: read aloud in groups ("19f2 ab61 …"), pasted
// from the export screen's four lines, typed in capitals, with or without the `sha256:` prefix,
// or copied from openssl with colons. One reader turns all of these into the canonical
// `sha256:<64 lower-case hex>` or says why it cannot; the reviewer screen, the contract and the
// CLI's --fingerprint and --trust all use it.

export type FingerprintReading = { readonly ok: true; readonly fingerprint: string } | { readonly ok: false; readonly reason: string };

const HEX_DIGITS = 64;
/** `sha256`, `SHA-256`, followed by a colon or blanks. */
const PREFIX = /^sha-?256\s*[:=]?\s*/i;
/** What people put between groups: blanks (line breaks too), colons, hyphens, dots. */
const SEPARATORS = /[\s:.\u2010-\u2015-]+/g;

const quoted = (c: string): string => (/^[\x21-\x7e]$/.test(c) ? `"${c}"` : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);

/** Reads one fingerprint; the reason names what is wrong, never echoes more than one character. */
export const readFingerprint = (text: string): FingerprintReading => {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'The fingerprint is empty.' };
  const hex = trimmed.replace(PREFIX, '').replace(SEPARATORS, '').toLowerCase();
  const bad = Array.from(hex).find((c) => !/[0-9a-f]/.test(c));
  if (bad !== undefined) {
    const base64ish = /^[A-Za-z0-9+/]{43}=?$/.test(trimmed.replace(PREFIX, ''));
    return {
      ok: false,
      reason: base64ish
        ? 'This looks like a base64 fingerprint; use the hex one the app shows (64 digits 0-9 and a-f).'
        : `${quoted(bad)} is not a hex digit: a fingerprint has only 0-9 and a-f (blanks, colons and the sha256: prefix are fine).`,
    };
  }
  if (hex.length !== HEX_DIGITS) {
    return { ok: false, reason: `It has ${hex.length} hex digit${hex.length === 1 ? '' : 's'}; a SHA-256 fingerprint has ${HEX_DIGITS}. Check for a missing or extra group.` };
  }
  return { ok: true, fingerprint: `sha256:${hex}` };
};

export type TrustListReading = { readonly ok: true; readonly fingerprints: readonly string[] } | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * A trust file: one fingerprint per line, in any grouping; `#` starts a comment (whole line or
 * after the fingerprint); blank lines are ignored. A line that is not a fingerprint refuses the
 * whole file, naming its line number, rather than silently trusting less than was meant.
 */
export const readTrustList = (text: string): TrustListReading => {
  const fingerprints: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const r = readFingerprint(line);
    if (!r.ok) return { ok: false, line: i + 1, reason: r.reason };
    if (!fingerprints.includes(r.fingerprint)) fingerprints.push(r.fingerprint);
  }
  if (fingerprints.length === 0) return { ok: false, line: lines.length, reason: 'The trust file lists no fingerprint.' };
  return { ok: true, fingerprints };
};
