import type ipaddr from 'ipaddr.js';
import { fail, ok, type Result } from '../../../shared/contract/define';
import { parseStrictIp } from '../url-safety/classify-ip';

// `HTTPS_PROXY` / `NO_PROXY` as curl reads them, parsed once when a composition root builds its
// network. HTTPS_PROXY is an http:// or https:// proxy origin (user info allowed, for proxy
// authentication). NO_PROXY is a comma list: `*` for everything, a host name (a leading `.` or `*.`
// changes nothing: subdomains always match), an IP address, an IP range in CIDR form, each
// optionally with `:port` (`[v6]:port` for IPv6). A value that is none of these is refused as
// PROXY_CONFIG_INVALID instead of crashing a request (undici's ProxyAgent throws "Invalid URL") or
// silently matching nothing.

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

type NoProxyEntry =
  | { readonly kind: 'all' }
  | { readonly kind: 'name'; readonly name: string; readonly port?: number }
  | { readonly kind: 'ip'; readonly ip: ipaddr.IPv4 | ipaddr.IPv6; readonly bits: number; readonly port?: number };

export interface ProxyConfig {
  /** The proxy URL (validated), or undefined when no proxy is configured. */
  readonly proxy?: string;
  readonly noProxy: readonly NoProxyEntry[];
}

/** No proxy: every connection direct (and pinned). */
export const DIRECT: ProxyConfig = { noProxy: [] };

/** The one sentence PROXY_CONFIG_INVALID says, wherever it is shown (a check's failure, the health panel). */
export const proxyInvalidMessage = (variable: string, problem: string): string => `${variable} is not usable: ${problem}.`;

const invalid = (variable: string, problem: string): Result<never> => fail('PROXY_CONFIG_INVALID', proxyInvalidMessage(variable, problem), { variable, problem });

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

// Never quotes the value: it may carry the proxy's password.
const proxyProblem = (value: string): string | null => {
  if (!/^https?:\/\//iu.test(value)) return 'it must start with http:// or https:// (for example http://proxy.corp:3128)';
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return 'it is not a URL the WHATWG parser accepts';
  }
  if (u.hostname === '') return 'it names no proxy host';
  if ((u.pathname !== '/' && u.pathname !== '') || u.search !== '' || u.hash !== '') return 'a proxy URL is scheme://[user:password@]host[:port], without a path, query or fragment';
  return null;
};

const PORT = /^(?:[1-9]\d{0,4})$/u;
const NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/u;

const portOf = (text: string | undefined): number | null | undefined => {
  if (text === undefined) return undefined;
  return PORT.test(text) && Number(text) <= 65535 ? Number(text) : null;
};

const ipEntry = (text: string, port: number | undefined): NoProxyEntry | null => {
  const [addr = '', bits] = text.split('/');
  const ip = parseStrictIp(addr);
  if (ip === null) return null;
  const max = ip.kind() === 'ipv4' ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/u.test(bits) ? Number(bits) : -1;
  if (prefix < 0 || prefix > max) return null;
  return { kind: 'ip', ip, bits: prefix, ...(port === undefined ? {} : { port }) };
};

const parseEntry = (raw: string): NoProxyEntry | null => {
  const e = raw.toLowerCase();
  if (e === '*') return { kind: 'all' };
  // [v6]:port, or [v6]
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/u.exec(e);
  if (bracket !== null) {
    const port = portOf(bracket[2]);
    return port === null ? null : ipEntry(bracket[1] ?? '', port);
  }
  // A bare IPv6 address or range has more than one colon and no port.
  if ((e.match(/:/gu) ?? []).length > 1) return ipEntry(e, undefined);
  const m = /^([^:]*)(?::([^:]*))?$/u.exec(e);
  const host = m?.[1] ?? '';
  const port = portOf(m?.[2]);
  if (port === null) return null;
  if (/^[\d./]+$/u.test(host)) return ipEntry(host, port);
  const name = host.replace(/^\*?\./u, '').replace(/\.$/u, '');
  return NAME.test(name) ? { kind: 'name', name, ...(port === undefined ? {} : { port }) } : null;
};

/** The proxy settings in `env`, or the variable that is not usable and why (typed, for the health panel). */
export type ProxyEnvReading = { readonly ok: true; readonly config: ProxyConfig } | { readonly ok: false; readonly variable: string; readonly problem: string };

export const readProxyEnv = (env: ProxyEnv): ProxyEnvReading => {
  const proxy = httpsProxyOf(env);
  if (proxy !== undefined) {
    const problem = proxyProblem(proxy.value);
    if (problem !== null) return { ok: false, variable: proxy.variable, problem };
  }
  const noProxy = noProxyOf(env);
  const entries: NoProxyEntry[] = [];
  for (const text of noProxy?.entries ?? []) {
    const entry = parseEntry(text);
    if (entry === null) {
      return { ok: false, variable: noProxy?.variable ?? 'NO_PROXY', problem: `the entry "${text.slice(0, 80)}" is not a host name, an IP address or range (CIDR), or *, each with an optional :port` };
    }
    entries.push(entry);
  }
  return { ok: true, config: { ...(proxy === undefined ? {} : { proxy: proxy.value }), noProxy: entries } };
};

/** The proxy settings in `env`, or PROXY_CONFIG_INVALID naming the variable and what is wrong. */
export const parseProxyEnv = (env: ProxyEnv): Result<ProxyConfig> => {
  const r = readProxyEnv(env);
  return r.ok ? ok(r.config) : invalid(r.variable, r.problem);
};

const entryMatches = (entry: NoProxyEntry, host: string, port: number): boolean => {
  if (entry.kind === 'all') return true;
  if (entry.port !== undefined && entry.port !== port) return false;
  if (entry.kind === 'name') return host === entry.name || host.endsWith(`.${entry.name}`);
  const ip = parseStrictIp(host);
  return ip !== null && ip.kind() === entry.ip.kind() && ip.match(entry.ip, entry.bits);
};

/** The proxy URL to use for `host:port` (canonical host, no brackets), or undefined for a direct (pinned) connection. */
export const proxyFor = (host: string, port: number, config: ProxyConfig): string | undefined => {
  if (config.proxy === undefined) return undefined;
  const h = host.toLowerCase().replace(/^\[|\]$/gu, '');
  return config.noProxy.some((e) => entryMatches(e, h, port)) ? undefined : config.proxy;
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
