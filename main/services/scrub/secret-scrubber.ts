// The one scrubber for secrets in text the app did not write itself (provider headers and bodies,
// log lines) and the one check that no secret is in text about to leave the app (a bundle, its
// summary). A server, or a proxy in front of it, may echo a credential back in any encoding, so
// each secret is searched for raw and as the whole Authorization value it was sent in
// (`Bearer <token>`, `Basic base64(user:secret)`), each of those raw, base64 (padded and not),
// base64url, URL-encoded (%XX in either case, `+` for blanks) and JSON-escaped; and the secret
// inside any longer base64 or base64url text, at each of the three byte alignments.

export const REDACTED = '[redacted]';

/** What is known about the credentials behind one call or one target. */
export interface KnownSecrets {
  /** Tokens, passwords, client secrets. */
  readonly secrets: readonly string[];
  /** User names or e-mails sent with a secret in Basic auth (`user:secret`). */
  readonly users?: readonly string[];
}

/** Shorter values are only matched whole (raw and in their Authorization value), never as fragments. */
const MIN_SECRET_LENGTH = 4;
/** A base64 fragment shorter than this could match ordinary text by chance. */
const MIN_FRAGMENT_LENGTH = 8;

const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64');
const b64url = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');
const formEncoded = (t: string): string => encodeURIComponent(t).replace(/%20/g, '+');

/** The encodings one value may come back in. */
const encodingsOf = (value: string): string[] => {
  const base = [value, b64(value), b64(value).replace(/=+$/, ''), b64url(value)];
  return [...base, ...base.flatMap((v) => [encodeURIComponent(v), formEncoded(v)]), JSON.stringify(value).slice(1, -1)];
};

/**
 * The part of base64(prefix + secret + suffix) that depends on the secret alone, for a prefix of
 * 0, 1 and 2 bytes: whatever surrounds the secret, its base64 contains one of these three.
 */
const base64Cores = (secret: string): string[] => {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (const shift of [0, 1, 2]) {
    const text = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64').replace(/=+$/, '');
    // Characters mixing prefix bits come first; the last one mixes in what follows unless the end is aligned.
    const head = shift === 0 ? 0 : shift + 1;
    const tail = (shift + bytes.length) % 3 === 0 ? 0 : 1;
    const core = text.slice(head, text.length - tail);
    if (core.length >= MIN_FRAGMENT_LENGTH) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
};

/** Every form of every known secret, longest first (a Basic value holds its secret's base64 as a part). */
export const secretForms = (known: KnownSecrets): string[] => {
  const secrets = [...new Set(known.secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))];
  const users = [...new Set((known.users ?? []).filter((u) => u.length > 0))];
  const forms = new Set<string>();
  for (const secret of secrets) {
    const authorizations = [`Bearer ${secret}`, ...users.flatMap((u) => [`Basic ${b64(`${u}:${secret}`)}`, `${u}:${secret}`])];
    for (const value of [secret, ...authorizations]) for (const form of encodingsOf(value)) forms.add(form);
    for (const core of base64Cores(secret)) forms.add(core);
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
};

const escapeRegExp = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A %XX escape matches in either case: servers differ. */
const patternOf = (form: string): string =>
  escapeRegExp(form).replace(/%([0-9A-F])([0-9A-F])/g, (_m, hi: string, lo: string) => `%[${hi}${hi.toLowerCase()}][${lo}${lo.toLowerCase()}]`);

export interface SecretScrubber {
  /** The text with every form of every known secret replaced by `[redacted]`. */
  text(value: string): string;
  /** A deep copy with every string (and object key) scrubbed; other values unchanged. */
  deep<T>(value: T): T;
  /** Whether the text holds any form of a known secret. */
  contains(value: string): boolean;
}

export const createSecretScrubber = (known: KnownSecrets): SecretScrubber => {
  const forms = secretForms(known);
  const pattern = forms.length === 0 ? null : new RegExp(forms.map(patternOf).join('|'), 'g');
  const text = (value: string): string => (pattern === null ? value : value.replace(pattern, REDACTED));
  const deep = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (value === null || typeof value !== 'object' || depth > 32) return value;
    if (Array.isArray(value)) return value.map((v) => deep(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), deep(v, depth + 1)]));
  };
  return {
    text,
    deep: <T>(value: T): T => deep(value, 0) as T,
    contains: (value) => pattern !== null && value.search(pattern) !== -1,
  };
};
