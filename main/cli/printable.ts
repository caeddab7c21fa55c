import { isHiddenOrControl } from '../../shared/domain/hidden-characters';

// Every line the CLI writes goes through `printable` (run.ts wraps the io once), so a string from a
// server, a bundle or a file cannot drive the terminal: a Data Center `displayName` holding
// `ESC ] 0 ; … BEL ESC [ 2 K CR allow OK` would otherwise retitle the window, erase the line and
// print a fake verdict. Each unsafe code point becomes the six characters `\uXXXX`, which is also
// the JSON escape of the same character, so a `--json` line stays valid JSON and parses back to
// the very same value.

const escape = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/** `text` with every control, zero-width and bidi character (shared/domain/hidden-characters.ts) escaped as `\uXXXX`; idempotent. */
export const printable = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out += isHiddenOrControl(code) ? escape(code) : text.charAt(i);
  }
  return out;
};
