// The security policy of the app's own pages, in every mode: the desktop shell's app:// protocol
// and browser mode's loopback server send these headers on every response. The source page's
// meta tag (renderer/index.html) holds the same policy for tools that read the page
// (electronegativity) and is checked against META_CONTENT_SECURITY_POLICY by a test; the build
// removes it from the served page (build/inline-stylesheet.ts: a meta policy holds back Chromium's
// preloads), so the header is the policy the app runs under.
//
// No inline script, no eval, no remote origin: the page talks to the main process only through
// the preload bridge (desktop) or its own origin's /api (browser mode).

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  // A data: favicon keeps the console free of a missing-favicon error.
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a `<meta http-equiv>` policy may not carry (CSP3 §3.3): browsers ignore them there. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const policyOf = (directives: typeof DIRECTIVES): string => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/**
 * The directives with the built page's one inline stylesheet allowed by its hash (`'sha256-…'`,
 * from inline-style-hashes.ts): the stylesheet is inlined so that the first paint waits for no
 * second request (docs/performance.md). Never `'unsafe-inline'`: only that exact text may apply.
 */
const withStyleHashes = (directives: typeof DIRECTIVES, hashes: readonly string[]): typeof DIRECTIVES =>
  directives.map(([name, value]) => (name === 'style-src' && hashes.length > 0 ? [name, `${value} ${hashes.map((h) => `'${h}'`).join(' ')}`] : [name, value]));

/** The header policy, pinning these inline stylesheet hashes (none: CONTENT_SECURITY_POLICY). */
export const headerPolicy = (styleHashes: readonly string[]): string => policyOf(withStyleHashes(DIRECTIVES, styleHashes));

export const CONTENT_SECURITY_POLICY = headerPolicy([]);

/** The policy as the source page's meta tag holds it: the same directives less the header-only ones. */
export const META_CONTENT_SECURITY_POLICY = policyOf(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/** Every response of the app's own origin carries these, file or API, success or refusal. No CORS header, ever. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The headers of a page server whose built page has these inline stylesheet hashes (none: PAGE_SECURITY_HEADERS). */
export const pageSecurityHeaders = (styleHashes: readonly string[]): Readonly<Record<string, string>> => ({
  ...PAGE_SECURITY_HEADERS,
  'Content-Security-Policy': headerPolicy(styleHashes),
});
