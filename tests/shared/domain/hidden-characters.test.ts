import { describe, expect, it } from 'vitest';
import { HIDDEN_OR_CONTROL, isHiddenOrControl } from '../../../shared/domain/hidden-characters';

// One list of hidden and control characters, spelled twice (a predicate for the CLI's escaping, a
// pattern for removing them): both must name the same code units.

describe('hidden or control characters', () => {
  it('the predicate and the pattern agree on every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const matched = new RegExp(HIDDEN_OR_CONTROL.source, 'u').test(String.fromCharCode(code));
      if (matched !== isHiddenOrControl(code)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it.each([
    ['ESC', 0x1b, true],
    ['DEL', 0x7f, true],
    ['8-bit CSI', 0x9b, true],
    ['ALM', 0x061c, true],
    ['zero-width space', 0x200b, true],
    ['RLO', 0x202e, true],
    ['word joiner', 0x2060, true],
    ['FSI', 0x2068, true],
    ['BOM', 0xfeff, true],
    ['zero-width joiner (emoji sequences)', 0x200d, false],
    ['no-break space', 0x00a0, false],
    ['a letter', 0x61, false],
  ])('%s', (_n, code, hidden) => {
    expect(isHiddenOrControl(code)).toBe(hidden);
  });
});
