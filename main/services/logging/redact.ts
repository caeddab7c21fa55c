// Secret redaction for log lines. Secrets should never reach a log call in the first place; this
// is the second fence: keys that name a secret are blanked whatever their value, and strings are
// scrubbed of credential shapes (Authorization values, userinfo in URLs, token query parameters,
// PEM private keys, JWTs, Atlassian tokens) and of any secret the caller knows about, in every
// encoding the one secret scrubber knows.

import { createSecretScrubber, REDACTED } from '../scrub/secret-scrubber';

export { REDACTED };

const SECRET_KEY = /pass(word|phrase)?|secret|token|authorization|cookie|private.?key|api.?key|credential|signature|^auth$/i;

const STRING_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, `$1${REDACTED}@`],
  [/([?&](?:access_token|refresh_token|token|code|client_secret|password|secret|key|signature)=)[^&#\s]*/gi, `$1${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [/\bAT(ATT|CTT|BB)[A-Za-z0-9_=+/-]{12,}/g, REDACTED],
  [/("?(?:password|secret|token|api_key|apikey|client_secret|private_key)"?\s*[:=]\s*"?)[^"\s,}]+/gi, `$1${REDACTED}`],
];

/** Scrubs one string: known secrets first (every form), then the credential shapes. */
export const redactString = (text: string, secrets: readonly string[] = []): string => {
  let out = secrets.length === 0 ? text : createSecretScrubber({ secrets }).text(text);
  for (const [pattern, replacement] of STRING_PATTERNS) out = out.replace(pattern, replacement);
  return out;
};

/** A deep copy of any loggable value with secrets removed. Cycles and depth are bounded. */
export const redactValue = (value: unknown, secrets: readonly string[] = [], depth = 0): unknown => {
  if (typeof value === 'string') return redactString(value, secrets);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? String(typeof value) : value;
  }
  if (depth >= 6) return '[depth]';
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message, secrets) };
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(v, secrets, depth + 1);
  }
  return out;
};
