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

/** The first of `names` that is set in `env`, with its value. */
const firstSet = (env: ProxyEnv, names: readonly string[]): { variable: string; value: string } | undefined => {
  for (const variable of names) {
    const value = env[variable];
    if (value !== undefined) return { variable, value };
  }
  return undefined;
};

/** The proxy variable the app honours (HTTPS_PROXY, else https_proxy) and its trimmed value; undefined when unset or blank. */
export const httpsProxyOf = (env: ProxyEnv): { variable: string; value: string } | undefined => {
  const found = firstSet(env, ['HTTPS_PROXY', 'https_proxy']);
  return found === undefined || found.value.trim() === '' ? undefined : { variable: found.variable, value: found.value.trim() };
};

/** The bypass list the app honours (NO_PROXY, else no_proxy), its entries trimmed; undefined when unset. */
export const noProxyOf = (env: ProxyEnv): { variable: string; entries: string[] } | undefined => {
  const found = firstSet(env, ['NO_PROXY', 'no_proxy']);
  return found === undefined ? undefined : { variable: found.variable, entries: found.value.split(',').map((e) => e.trim()).filter((e) => e !== '') };
};

/** Proxy variables this app does not read (every call it makes is HTTPS), for the health report. */
export const IGNORED_PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'] as const;

/** The proxy URL to use for `host:port`, or undefined for a direct (pinned) connection. */
export const proxyFor = (host: string, port: number, env: ProxyEnv): string | undefined => {
  const proxy = httpsProxyOf(env);
  if (proxy === undefined) return undefined;
  if ((noProxyOf(env)?.entries ?? []).some((e) => entryMatches(e, host.toLowerCase(), port))) return undefined;
  return proxy.value;
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
