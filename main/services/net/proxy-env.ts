// `HTTPS_PROXY` / `NO_PROXY` as curl reads them: NO_PROXY is a comma list of host names (a leading
// dot or `*.` means "and subdomains"), `host:port` entries, or `*` for everything.

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

const entryMatches = (entry: string, host: string, port: number): boolean => {
  const e = entry.trim().toLowerCase();
  if (e === '') return false;
  if (e === '*') return true;
  const m = /^(.*?)(?::(\d+))?$/u.exec(e);
  const name = (m?.[1] ?? e).replace(/^\*?\./u, '').replace(/^\[|\]$/gu, '');
  const entryPort = m?.[2];
  if (entryPort !== undefined && Number(entryPort) !== port) return false;
  return host === name || host.endsWith(`.${name}`);
};

/** The proxy URL to use for `host:port`, or undefined for a direct (pinned) connection. */
export const proxyFor = (host: string, port: number, env: ProxyEnv): string | undefined => {
  const proxy = env['HTTPS_PROXY'] ?? env['https_proxy'];
  if (proxy === undefined || proxy.trim() === '') return undefined;
  const noProxy = env['NO_PROXY'] ?? env['no_proxy'] ?? '';
  if (noProxy.split(',').some((e) => entryMatches(e, host.toLowerCase(), port))) return undefined;
  return proxy.trim();
};

/** A proxy URL as evidence may show it: scheme://host:port, never the user name or password it may carry. */
export const proxyOrigin = (proxy: string): string => {
  try {
    const u = new URL(proxy);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(a proxy URL that does not parse)';
  }
};
