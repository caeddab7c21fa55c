// Raw-text checks that run before the WHATWG parser: anything the parser would silently strip or
// rewrite is a parser differential, so it is invalid rather than repaired.

export const MAX_URL_LENGTH = 2048;

// C0 controls, space, DEL, C1 controls, and the backslash.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f\\]/u;

export const rawTextProblem = (input: string): string | null => {
  if (input.length > MAX_URL_LENGTH) return `longer than ${MAX_URL_LENGTH} characters`;
  const bad = FORBIDDEN.exec(input);
  if (bad !== null) {
    const code = bad[0].codePointAt(0) ?? 0;
    return bad[0] === '\\' ? 'contains a backslash' : `contains U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
};

/** `https:` (any case) must be followed by exactly `//` and a non-empty authority. */
export const httpsAuthorityProblem = (input: string): string | null => {
  const m = /^https:(.*)$/isu.exec(input);
  if (m === null) return null;
  const rest = m[1] ?? '';
  if (!rest.startsWith('//') || rest.startsWith('///')) return 'https: must be followed by exactly "//" and a host';
  return null;
};

/** The raw authority text (between `//` and the first `/`, `?` or `#`). */
export const rawAuthority = (input: string): string => {
  const afterScheme = input.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '');
  const end = afterScheme.search(/[/?#]/u);
  return end === -1 ? afterScheme : afterScheme.slice(0, end);
};

// Whether a URL carries user info lives in shared/, so the wizard refuses it before a save too.
export { carriesUserinfo } from '../../../shared/domain/url-userinfo';
