import { describe, expect, it } from 'vitest';
import { printable } from '../../../main/cli/printable';

// Each row: what a hostile string holds, and what the terminal is shown instead.
const ESCAPED: ReadonlyArray<readonly [string, string, string]> = [
  ['CSI erase line (ESC[2K)', '\u001b[2Kallow OK', '\\u001b[2Kallow OK'],
  ['OSC 0 window title, BEL-terminated', '\u001b]0;pwned\u0007', '\\u001b]0;pwned\\u0007'],
  ['OSC 8 hyperlink, ST-terminated', '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\', '\\u001b]8;;https://evil.example/\\u001b\\click\\u001b]8;;\\u001b\\'],
  ['OSC 52 clipboard write', '\u001b]52;c;Y3VybCBldmlsfHNo\u0007', '\\u001b]52;c;Y3VybCBldmlsfHNo\\u0007'],
  ['carriage return over the line', 'block\rallow', 'block\\u000dallow'],
  ['line feed (a fake second line)', 'x\nallow OK', 'x\\u000aallow OK'],
  ['backspace and tab', 'a\bb\tc', 'a\\u0008b\\u0009c'],
  ['NUL', 'a\u0000b', 'a\\u0000b'],
  ['DEL', 'a\u007fb', 'a\\u007fb'],
  ['8-bit CSI (C1)', '\u009b2K', '\\u009b2K'],
  ['8-bit OSC and ST (C1)', '\u009d0;t\u009c', '\\u009d0;t\\u009c'],
  ['right-to-left override', 'evil\u202etxt.exe', 'evil\\u202etxt.exe'],
  ['left-to-right and right-to-left embeddings, pop', '\u202a\u202b\u202c', '\\u202a\\u202b\\u202c'],
  ['left-to-right override', '\u202dx', '\\u202dx'],
  ['isolates LRI RLI FSI PDI', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
  ['LRM, RLM', 'a\u200eb\u200fc', 'a\\u200eb\\u200fc'],
  ['Arabic letter mark', 'a\u061cb', 'a\\u061cb'],
];

const KEPT: ReadonlyArray<readonly [string, string]> = [
  ['plain ASCII and spaces', 'allow  https://bitbucket.example-corp.com/  api_root'],
  ['letters beyond ASCII', 'Zürich Bitbucket — 東京 ✓'],
  ['astral characters (surrogate pairs)', 'ok 🔒 𝔘'],
  ['a backslash and an already-escaped sequence', 'C:\\path \\u001b'],
  ['zero-width joiner and no-break space (not controls)', 'a\u200db\u00a0c'],
];

describe('printable', () => {
  it.each(ESCAPED)('escapes %s', (_name, input, shown) => {
    expect(printable(input)).toBe(shown);
  });

  it.each(KEPT)('keeps %s', (_name, input) => {
    expect(printable(input)).toBe(input);
  });

  it('leaves no control or bidi code point in anything it returns, and is idempotent', () => {
    const all = Array.from({ length: 0x2070 }, (_, i) => String.fromCharCode(i)).join('');
    const out = printable(all);
    expect(out).not.toMatch(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
    expect(printable(out)).toBe(out);
  });

  it('keeps a JSON line valid JSON that parses back to the same value', () => {
    const value = { displayName: '\u001b]0;x\u0007\u001b[2K\rallow OK\u202e\u009b', n: 1 };
    const line = printable(JSON.stringify(value));
    expect(line).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(JSON.parse(line)).toEqual(value);
  });
});
