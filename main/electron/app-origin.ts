// The desktop app's own pages are served from a privileged custom scheme, never from a remote URL
// or file://, so that the origin is fixed, the CSP comes from a response header, and navigation and
// IPC checks can compare against one known origin.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The origins whose pages may navigate in the window and call the contract over IPC. */
export const APP_ORIGINS: readonly string[] = [APP_ORIGIN];

/**
 * `scheme://host[:port]` of a URL, or null when it has none. Node's `URL#origin` is the string
 * "null" for schemes it does not know (such as `app:`), so the origin is rebuilt from the parts;
 * `file:`, `data:`, `javascript:` and `about:` have no host and therefore no origin here.
 */
export const originOf = (url: string): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
};

export const isAppUrl = (url: string, origins: readonly string[] = APP_ORIGINS): boolean => {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
};
