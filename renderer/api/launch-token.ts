const TOKEN_PATTERN = /^[0-9a-f]{32,128}$/i;

/**
 * Reads the browser-mode launch token from `#token=HEX` once, then removes it from the address
 * bar (and so from history and screenshots). The token lives only in memory afterwards.
 */
export const takeLaunchToken = (loc: Location = window.location, hist: History = window.history): string | null => {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token === null) return null;
  hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}`);
  return TOKEN_PATTERN.test(token) ? token : null;
};
