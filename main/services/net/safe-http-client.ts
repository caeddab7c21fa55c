import type { AddressEvidence, RedirectHop, TlsEvidence } from '../../../shared/domain/checks';
import { resolveTarget, type ResolvedTarget } from '../url-safety/check-url';
import type { AddressPolicy } from '../url-safety/policy';
import { stopwatch, type UrlVerdict } from '../url-safety/verdict';
import { fetchOnce, type OnceOutcome } from './fetch-once';
import type { HttpClient, HttpOutcome, HttpRequest, NetworkEvidence } from './http-client';
import { withLimits, type NetLimits } from './limits';
import type { Network } from './network';
import { proxyFor, proxyOrigin, type ProxyConfig } from './proxy-env';
import { isRedirect, judgeRedirect } from './redirects';
import { stageTracker, type CallProgress } from '../progress/call-progress';

// The HttpClient the Data Center and Jira clients use: stages 1–4 on the URL, a pinned
// connection (stage 5), redirects judged by hand (6), limits (7), an optional proxy (8).

/** The network's resolver, judge and (usable) proxy settings, the target's policy and CA, and the limits. */
export interface SafeClientOptions extends Pick<Network, 'resolver' | 'judge'> {
  readonly proxy: ProxyConfig;
  readonly policy: AddressPolicy;
  /** PEM text of a corporate CA to trust in addition to the bundled roots. */
  readonly ca?: string;
  readonly limits?: Partial<NetLimits>;
  /** The long call this exchange belongs to: its cancel ends every wait, its stages are reported. */
  readonly call?: CallProgress;
}

/** Everything one safe request saw: the outcome plus the first URL's stage verdict. */
export interface SafeExchange {
  readonly outcome: HttpOutcome;
  readonly verdict: UrlVerdict;
  readonly checksMs: number;
  readonly exchangeMs: number;
}

/** The checked addresses; for a host blocked before DNS (a literal), the verdict's own evidence. */
const addressesOf = (r: ResolvedTarget): AddressEvidence[] =>
  r.addresses.length > 0 ? r.addresses.map(({ ip, range, family }) => ({ ip, range, family })) : [...r.verdict.addresses];

export const safeExchange = async (req: HttpRequest, o: SafeClientOptions): Promise<SafeExchange> => {
  const limits = withLimits(o.limits);
  const total = stopwatch();
  // One deadline for everything, DNS of every hop included: a silent resolver ends in `timeout`
  // at the overall limit, not after the resolver's own retries.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.overallMs);
  // The caller's cancel ends the same waits as the deadline (DNS, connect, TLS, the answer).
  const call = req.call ?? o.call;
  const signal = call === undefined ? abort.signal : AbortSignal.any([abort.signal, call.signal]);
  const stages = stageTracker(call, limits.overallMs);
  const check = { policy: o.policy, resolver: o.resolver, judge: o.judge, signal };
  const redirects: RedirectHop[] = [];
  let tls: TlsEvidence | undefined;
  let viaProxy = false;
  let proxyUsed: string | undefined;
  let local: string | undefined;
  let tlsVersion: string | undefined;
  let resolvedByProxy = false;
  let checksMs = 0;
  let exchangeMs = 0;
  const evidence = (r: ResolvedTarget): NetworkEvidence => ({
    addresses: addressesOf(r),
    ...(tls === undefined ? {} : { tls }),
    redirects: [...redirects],
    via_proxy: viaProxy,
    ...(proxyUsed === undefined ? {} : { proxy: proxyUsed }),
    ...(local === undefined ? {} : { local_address: local }),
    ...(tlsVersion === undefined ? {} : { tls_version: tlsVersion }),
    ...(resolvedByProxy ? { resolved_by_proxy: true } : {}),
    timings_ms: { checks: checksMs, exchange: exchangeMs, total: total() },
  });
  try {
    const t = stopwatch();
    stages.enter('dns', limits.overallMs);
    const first = await resolveTarget(req.url, check);
    checksMs = t();
    stages.end(first.target !== null);
    let current = first;
    let method = req.method ?? 'GET';
    let body = req.body;
    if (first.target === null) {
      return { outcome: { ok: false, reason: first.verdict.reason ?? 'syntax', detail: first.verdict.detail ?? 'blocked', evidence: evidence(first) }, verdict: first.verdict, checksMs, exchangeMs };
    }
    // The request URL as parsed (query kept): stages 1–4 above judged its host.
    let url = new URL(req.url).href;
    const visited = new Set<string>([url]);
    for (;;) {
      const target = current.target;
      if (target === null) throw new Error('unreachable: a followed hop always has a target');
      const proxy = proxyFor(target.host, target.port, o.proxy);
      viaProxy = viaProxy || proxy !== undefined;
      if (proxy !== undefined) proxyUsed = proxyOrigin(proxy);
      const tx = stopwatch();
      const res: OnceOutcome = await fetchOnce({
        url,
        method,
        headers: req.headers ?? {},
        ...(body === undefined ? {} : { body }),
        host: target.host,
        addresses: current.addresses,
        ...(o.ca === undefined ? {} : { ca: o.ca }),
        limits,
        signal,
        stages,
        ...(proxy === undefined ? {} : { proxy, proxyResolvesName: o.policy.proxy_resolves_name === true }),
      });
      exchangeMs += tx();
      stages.end(res.ok);
      if (res.tls !== undefined) tls = res.tls;
      if (res.local !== undefined) local = res.local;
      if (res.tls_version !== undefined) tlsVersion = res.tls_version;
      if (res.resolved_by_proxy === true) resolvedByProxy = true;
      if (!res.ok) return { outcome: { ok: false, reason: res.reason, detail: res.detail, evidence: evidence(current) }, verdict: first.verdict, checksMs, exchangeMs };
      if (!isRedirect(res.status)) {
        const response = { status: res.status, headers: res.headers, body: res.body, url };
        return { outcome: { ok: true, response, evidence: evidence(current) }, verdict: first.verdict, checksMs, exchangeMs };
      }
      const hop = await judgeRedirect({ from: url, status: res.status, location: res.headers['location'], hopsSoFar: redirects.length, maxRedirects: limits.maxRedirects, visited, check });
      redirects.push(hop.hop);
      if (!hop.follow) {
        return { outcome: { ok: false, reason: 'redirect', detail: hop.hop.reason ?? 'redirect blocked', evidence: evidence(current) }, verdict: first.verdict, checksMs, exchangeMs };
      }
      if (res.status === 303) {
        method = 'GET';
        body = undefined;
      }
      visited.add(hop.url);
      url = hop.url;
      current = hop.next;
    }
  } finally {
    clearTimeout(timer);
  }
};

/** The HttpClient seam backed by the engine. */
export const createSafeHttpClient = (o: SafeClientOptions): HttpClient => async (req) => (await safeExchange(req, o)).outcome;
