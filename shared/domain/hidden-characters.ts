// The characters a server's (or a file's) text may not carry onto a screen or a terminal as they
// are: C0 controls (ESC, CR, LF, TAB, BEL…), DEL, C1 controls (8-bit CSI/OSC), the zero-width
// characters and the BOM (they hide or split text), and the bidi controls (ALM, LRM, RLM,
// embeddings, overrides, isolates: they reorder the text around them). One list: the CLI escapes
// them (main/cli/printable.ts), the wizard's provider suggestions drop them (option-list.ts).
// The zero-width joiner (U+200D) is not in it: emoji sequences in a display name need it. A use
// that must also see through it (finding a secret split by it) removes ZERO_WIDTH_JOINER too.

/** Whether the UTF-16 code unit `code` is one of the hidden or control characters. */
export const isHiddenOrControl = (code: number): boolean =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x061c ||
  (code >= 0x200b && code <= 0x200f && code !== 0x200d) ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2060 && code <= 0x2069) ||
  code === 0xfeff;

/** The same characters as a global pattern, for removing them. */
// eslint-disable-next-line no-control-regex -- these very characters are what the pattern matches
export const HIDDEN_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** U+200D, joining emoji sequences; invisible on its own. */
export const ZERO_WIDTH_JOINER = /\u200d/g;
