import { request, type Dispatcher } from 'undici';
import type { HttpClient, HttpOutcome, NetworkEvidence } from '../../net/http-client';
import { isCancelled, stageTracker } from '../../progress/call-progress';
import type { Result } from '../../../../shared/contract/define';
import { DIRECT, proxyFor, proxyOrigin, type ProxyConfig } from '../../net/proxy-env';
import { createDnsResolver, type Resolver } from '../../url-safety/resolver';
import { describeFixedOriginFailure, resolverLookup } from './fixed-origin-failure';
import { ownConnection, proxied, sharedDirect, type FixedOriginTransport } from './fixed-origin-dispatcher';

// A plain HttpClient for fixed, public origins only: the Bitbucket Cloud API root and its OAuth
// token endpoint (and, in tests, a loopback simulator). Customer-supplied hosts (Data Center, Jira)
// never use it: they go through the URL-safety client in main/services/net/.

export const BITBUCKET_CLOUD_ORIGINS: readonly string[] = ['https://api.bitbucket.org', 'https://bitbucket.org'];

export interface FixedOriginOptions {
  /** Exact origins (scheme://host[:port]) this client may reach; anything else is refused unsent. */
  readonly origins: readonly string[];
  /** Extra CA certificates (PEM) to trust, e.g. a test CA or a corporate TLS-inspecting proxy's CA. */
  readonly ca?: string | readonly string[];
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** The network's HTTPS_PROXY / NO_PROXY: Bitbucket Cloud is often reachable only through a proxy. Malformed: nothing is sent. */
  readonly proxy?: Result<ProxyConfig>;
  /** The network's resolver (the one the URL-safety checks ask); default: the system's DNS servers. */
  readonly resolver?: Resolver;
}

/** A request of a cancelled call: the api answers CHECK_CANCELLED for it, and nothing of it is stored. */
const cancelled = { reason: 'timeout', detail: 'The call was cancelled before Bitbucket Cloud answered.' } as const;

const emptyEvidence = (timings: Record<string, number> = {}, viaProxy = false): NetworkEvidence => ({ addresses: [], redirects: [], via_proxy: viaProxy, timings_ms: timings });

export const createFixedOriginHttpClient = (options: FixedOriginOptions): HttpClient => {
  const allowed = new Set(options.origins.map((o) => new URL(o).origin));
  const timeout = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const ca = options.ca === undefined ? undefined : typeof options.ca === 'string' ? [options.ca] : [...options.ca];
  // rejectUnauthorized is explicit: left unset, an inherited NODE_TLS_REJECT_UNAUTHORIZED=0 turns verification off.
  const transport: FixedOriginTransport = {
    tls: { ...(ca === undefined ? {} : { ca }), timeout, rejectUnauthorized: true },
    lookup: resolverLookup(options.resolver ?? createDnsResolver()),
    timeoutMs: timeout,
  };
  const direct = sharedDirect(transport);
  const proxies = new Map<string, Dispatcher>();
  const proxySetting: Result<ProxyConfig> = options.proxy ?? { ok: true, value: DIRECT };
  const config = proxySetting.ok ? proxySetting.value : DIRECT;
  /** The root's shared connection to the origin (kept alive between calls). */
  const sharedFor = (proxy: string | undefined): Dispatcher => {
    if (proxy === undefined) return direct;
    let agent = proxies.get(proxy);
    if (agent === undefined) {
      agent = proxied(proxy, transport);
      proxies.set(proxy, agent);
    }
    return agent;
  };

  return async (req): Promise<HttpOutcome> => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return { ok: false, reason: 'syntax', detail: 'The URL could not be parsed.', evidence: emptyEvidence() };
    }
    if (url.protocol !== 'https:') return { ok: false, reason: 'scheme', detail: 'Only https is allowed.', evidence: emptyEvidence() };
    if (url.username !== '' || url.password !== '') return { ok: false, reason: 'userinfo', detail: 'User info in the URL is not allowed.', evidence: emptyEvidence() };
    if (!allowed.has(url.origin)) return { ok: false, reason: 'ownership', detail: `The origin ${url.origin} is not one this client may reach.`, evidence: emptyEvidence() };
    // Callers answer PROXY_CONFIG_INVALID before they get here (check runs, sign-in); this keeps a
    // malformed proxy from ever turning into a direct connection or a crash.
    if (!proxySetting.ok) return { ok: false, reason: 'unreachable', detail: `${proxySetting.error.code}: ${proxySetting.error.message}`, evidence: emptyEvidence() };
    const started = Date.now();
    const proxy = proxyFor(url.hostname, Number(url.port || 443), config);
    const viaProxy = proxy !== undefined;
    // A request of a long call gets a connection of its own: it stops on the call's cancel and reports its stages.
    const call = req.call;
    const stages = stageTracker(call, timeout);
    if (isCancelled(call)) return { ok: false, ...cancelled, evidence: emptyEvidence({}, viaProxy) };
    const dispatcher = call === undefined ? sharedFor(proxy) : ownConnection(transport, url, proxy, call.signal, stages);
    const close = (): void => void dispatcher.destroy().catch(() => undefined);
    call?.signal.addEventListener('abort', close, { once: true });
    try {
      const res = await request(url, {
        method: req.method ?? 'GET',
        headers: { ...(req.headers ?? {}) },
        ...(req.body === undefined ? {} : { body: req.body }),
        dispatcher,
        ...(call === undefined ? {} : { signal: call.signal }),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        size += buf.length;
        if (size > maxBytes) {
          res.body.destroy();
          stages.end(false);
          return { ok: false, reason: 'too_large', detail: `The answer exceeded ${maxBytes} bytes.`, evidence: emptyEvidence({}, viaProxy) };
        }
        chunks.push(buf);
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) {
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      }
      stages.end(true);
      return {
        ok: true,
        response: { status: res.statusCode, headers, body: Buffer.concat(chunks).toString('utf8'), url: url.toString() },
        evidence: emptyEvidence({ total: Date.now() - started }, viaProxy),
      };
    } catch (cause) {
      stages.end(false);
      if (isCancelled(call)) return { ok: false, ...cancelled, evidence: emptyEvidence({}, viaProxy) };
      // In the Data Center check's words (network-failures.ts): what failed, the host, the path, the code; never a server's sentence.
      const attempt = { url, proxy: proxy === undefined ? null : proxyOrigin(proxy), bypassed: !viaProxy && config.proxy !== undefined };
      return { ok: false, ...describeFixedOriginFailure(cause, attempt), evidence: emptyEvidence({}, viaProxy) };
    } finally {
      if (call !== undefined) {
        call.signal.removeEventListener('abort', close);
        close();
      }
    }
  };
};
