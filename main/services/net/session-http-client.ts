import { Agent } from 'undici';
import { resolveTarget } from '../url-safety/check-url';
import type { ClassifiedAddress } from '../url-safety/classify-ip';
import { fetchOnce } from './fetch-once';
import type { HttpClient, HttpOutcome } from './http-client';
import { withLimits } from './limits';
import { pinnedConnector } from './pinned-connector';
import { proxyFor } from './proxy-env';
import { isRedirect } from './redirects';
import { createSafeHttpClient, type SafeClientOptions } from './safe-http-client';

// The URL-safety client for a run of many calls to one host (bulk onboarding): stages 1–4 run once
// per origin for the session, and the calls share a pool of connections pinned to the addresses
// that were judged — the same pin as every other call (pinned-connector.ts), kept open instead of
// one handshake per call. A DNS change during the session is not followed: the connections stay on
// the checked addresses. Anything off the fast path goes through the per-call client unchanged: a
// blocked URL (its verdict), a host reached through a proxy, and every redirect (judged hop by hop).

export interface SessionHttpClient {
  readonly http: HttpClient;
  /** Closes the pooled connections. */
  readonly close: () => Promise<void>;
}

interface Pool {
  readonly agent: Agent;
  readonly host: string;
  readonly addresses: readonly ClassifiedAddress[];
}

export const createSessionHttpClient = (o: SafeClientOptions, connections: number): SessionHttpClient => {
  const limits = withLimits(o.limits);
  const perCall = createSafeHttpClient(o);
  const pools = new Map<string, Promise<Pool | null>>();

  const poolFor = (url: URL): Promise<Pool | null> => {
    let pool = pools.get(url.origin);
    if (pool === undefined) {
      pool = (async () => {
        const resolved = await resolveTarget(url.href, { policy: o.policy, resolver: o.resolver, judge: o.judge, signal: AbortSignal.timeout(limits.overallMs) });
        const target = resolved.target;
        if (target === null || proxyFor(target.host, target.port, o.proxy) !== undefined) return null;
        const connect = pinnedConnector({ host: target.host, addresses: resolved.addresses, connectMs: limits.connectMs, ...(o.ca === undefined ? {} : { ca: o.ca }) });
        const agent = new Agent({ connect, connections, pipelining: 1, headersTimeout: limits.headersMs, bodyTimeout: limits.bodyIdleMs, keepAliveTimeout: 10_000 });
        return { agent, host: target.host, addresses: resolved.addresses };
      })();
      pools.set(url.origin, pool);
    }
    return pool;
  };

  const http: HttpClient = async (req): Promise<HttpOutcome> => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return perCall(req);
    }
    const pool = await poolFor(url);
    if (pool === null) return perCall(req);
    const started = performance.now();
    const res = await fetchOnce({
      url: url.href,
      method: req.method ?? 'GET',
      headers: req.headers ?? {},
      ...(req.body === undefined ? {} : { body: req.body }),
      host: pool.host,
      addresses: pool.addresses,
      ...(o.ca === undefined ? {} : { ca: o.ca }),
      limits,
      signal: AbortSignal.timeout(limits.overallMs),
      pool: pool.agent,
    });
    const evidence = { addresses: pool.addresses.map(({ ip, range, family }) => ({ ip, range, family })), redirects: [], via_proxy: false, timings_ms: { exchange: performance.now() - started } };
    if (!res.ok) return { ok: false, reason: res.reason, detail: res.detail, evidence };
    if (isRedirect(res.status)) return perCall(req);
    return { ok: true, response: { status: res.status, headers: res.headers, body: res.body, url: url.href }, evidence };
  };

  return {
    http,
    close: async () => {
      const waiting = [...pools.values()];
      pools.clear();
      for (const p of waiting) await (await p)?.agent.close().catch(() => undefined);
    },
  };
};
