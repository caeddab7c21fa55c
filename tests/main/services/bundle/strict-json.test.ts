import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../../../main/services/bundle/strict-json';

describe('strict JSON', () => {
  it.each([
    '{}',
    '[]',
    ' {"a":1,"b":[true,false,null],"c":{"d":"e"}} ',
    '"\\u00e9\\n\\t\\"\\\\\\/"',
    '-0.5e+10',
    '0',
    '{"__proto__":{"x":1}}',
    '"\\ud83d\\ude00 😀"',
  ])('reads %s as JSON.parse does', (text) => {
    const r = parseStrictJson(text);
    expect(r).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const r = parseStrictJson('{"__proto__":{"polluted":true}}');
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__']);
  });

  it.each([
    ['a duplicate key', '{"a":1,"a":1}'],
    ['a duplicate key spelled with an escape', '{"ab":1,"a\\u0062":2}'],
    ['a nested duplicate key', '{"x":[{"k":1,"k":2}]}'],
    ['a trailing comma', '{"a":1,}'],
    ['a trailing comma in an array', '[1,]'],
    ['a leading zero', '01'],
    ['a bare minus', '-'],
    ['a leading plus', '+1'],
    ['a fraction without digits', '1.'],
    ['NaN', 'NaN'],
    ['single quotes', "{'a':1}"],
    ['a raw control character in a string', '"a\u0001b"'],
    ['a raw newline in a string', '"a\nb"'],
    ['an invalid escape', '"\\x41"'],
    ['a short \\u escape', '"\\u12"'],
    ['trailing text', '{} {}'],
    ['an unterminated string', '"abc'],
    ['an unterminated object', '{"a":1'],
    ['empty input', ''],
    ['a byte-order mark', '\ufeff{}'],
    ['a comment', '{} // hi'],
    ['nesting deeper than 64', `${'['.repeat(70)}${']'.repeat(70)}`],
    ['a non-JSON whitespace', '{\u00a0}'],
  ])('refuses %s', (_name, text) => {
    expect(parseStrictJson(text).ok).toBe(false);
  });

  it('agrees with JSON.parse on any JSON.stringify output', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v);
        const r = parseStrictJson(text);
        expect(r).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
