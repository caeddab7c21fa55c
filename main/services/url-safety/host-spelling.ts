import { domainToASCII, domainToUnicode } from 'node:url';
import { rawAuthority } from './raw-text';

// Raw-text stage, on the host as typed: the host a person reviewed must be the host that is judged
// and connected to. The WHATWG parser silently drops some code points (soft hyphen, zero-width
// space, BOM), maps others (full-width letters and dots, ideographic full stops, ligatures, Roman
// numerals, other IDNA mappings) and decodes percent-escapes; and it reads a leading-zero IPv4 part
// as octal where other parsers and people read decimal. Each is a parser differential, so each is
// refused as ambiguous (`syntax`) before the parser runs, rather than repaired.

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The host text as typed: the raw authority without userinfo and port. */
const typedHost = (input: string): string => {
  const authority = rawAuthority(input);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.startsWith('[') ? host : host.replace(/:[^:]*$/u, '');
};

const ASCII = /^[\x21-\x7e]*$/u;

/** A code point IDNA drops or maps to something other than its lower case (alone, it is refused). */
const isRewritten = (ch: string): boolean => domainToUnicode(domainToASCII(ch)) !== ch.toLowerCase();

const rewrittenCharProblem = (typed: string): string | null => {
  if (typed.includes('%')) return 'host contains a percent-escape, which the URL parser decodes: type the character itself';
  if (ASCII.test(typed)) return null;
  // A name typed in Unicode is fine when it is exactly (up to case) the Unicode form of the
  // punycode the parser makes of it: nothing was dropped or mapped on the way.
  const ascii = domainToASCII(typed);
  if (ascii !== '' && domainToUnicode(ascii) === typed.toLowerCase()) return null;
  const chars = [...typed];
  const culprit = chars.find((ch) => !ASCII.test(ch) && isRewritten(ch)) ?? chars.find((ch) => !ASCII.test(ch));
  const named = culprit === undefined ? 'a character' : hex(culprit.codePointAt(0) ?? 0);
  return `host contains ${named}, which the URL parser drops or rewrites (the host checked would not be the host typed): ambiguous`;
};

// WHATWG "ends in a number": the last label (a trailing dot aside) is all digits or 0x-hex, and
// then the whole host is parsed as IPv4, with a leading-zero part read as octal.
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/iu;

const leadingZeroProblem = (typed: string): string | null => {
  const labels = typed.replace(/\.$/u, '').split('.');
  if (!NUMERIC_LABEL.test(labels.at(-1) ?? '')) return null;
  const part = labels.find((p) => /^0\d/u.test(p));
  return part === undefined ? null : `IPv4 part "${part}" has a leading zero: octal to the URL parser, decimal to others: ambiguous`;
};

/** Why the host of an `https://` URL, as typed, is ambiguous; null when it is not. */
export const hostSpellingProblem = (input: string): string | null => {
  if (!/^https:\/\//iu.test(input)) return null;
  const typed = typedHost(input);
  return rewrittenCharProblem(typed) ?? leadingZeroProblem(typed);
};
