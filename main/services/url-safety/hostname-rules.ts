// DNS name syntax on the canonical (ASCII, lower-case) host: letter-digit-hyphen labels of 1–63
// characters, at most 253 characters in all. WHATWG accepts more than this; we do not.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;

export const MAX_NAME_LENGTH = 253;

export const hostnameProblem = (name: string): string | null => {
  if (name.length === 0) return 'empty host';
  if (name.length > MAX_NAME_LENGTH) return `host name longer than ${MAX_NAME_LENGTH} characters`;
  for (const label of name.split('.')) {
    if (label.length === 0) return 'empty label in host name';
    if (label.length > 63) return 'label longer than 63 characters';
    if (!LABEL.test(label)) return `label "${label}" breaks the letter-digit-hyphen rule`;
  }
  return null;
};
