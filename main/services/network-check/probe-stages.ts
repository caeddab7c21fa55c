import type { BlockReason } from '../../../shared/domain/checks';
import type { SafeExchange } from '../net/safe-http-client';
import type { StageReport } from '../url-safety/verdict';

// The connection, TLS and redirect rows of a probe, from what the exchange saw.

const NETWORK_REASONS: ReadonlySet<BlockReason> = new Set(['timeout', 'unreachable', 'too_large', 'dns', 'proxy_refused_ip']);

/** Where the connection went: the checked addresses, through the proxy's tunnel to one, or (admin's choice) wherever the proxy resolved the name. */
const connectionDetail = (ev: SafeExchange['outcome']['evidence']): string => {
  const ips = ev.addresses.map((a) => a.ip).join(', ');
  if (!ev.via_proxy) return ips;
  return ev.resolved_by_proxy === true
    ? 'via proxy; the proxy resolved the name (addresses unverified: the proxy refused the checked address)'
    : `via proxy, tunnel to ${ev.addresses[0]?.ip ?? ips}`;
};

export const networkStages = (
  checksPassed: boolean,
  ex: SafeExchange,
  failure: { reason: BlockReason; detail: string } | null,
): StageReport[] => {
  if (!checksPassed) {
    return [
      { stage: 'connection', status: 'skipped', ms: 0 },
      { stage: 'tls', status: 'skipped', ms: 0 },
      { stage: 'redirects', status: 'skipped', ms: 0 },
    ];
  }
  const ev = ex.outcome.evidence;
  const reason = ex.outcome.ok ? null : ex.outcome.reason;
  const tlsSeen = ev.tls !== undefined;
  const connFailed = reason !== null && NETWORK_REASONS.has(reason) && !tlsSeen;
  const connection: StageReport = connFailed
    ? { stage: 'connection', status: 'failed', ms: ex.exchangeMs, detail: failure?.detail ?? reason }
    : { stage: 'connection', status: 'passed', ms: ex.exchangeMs, detail: connectionDetail(ev) };
  const tls: StageReport =
    reason === 'tls'
      ? { stage: 'tls', status: 'failed', ms: 0, detail: failure?.detail ?? 'certificate rejected' }
      : tlsSeen
        ? { stage: 'tls', status: 'passed', ms: 0, detail: `${ev.tls?.subject ?? ''} (issuer ${ev.tls?.issuer ?? ''})` }
        : { stage: 'tls', status: connFailed ? 'skipped' : 'passed', ms: 0, ...(ev.via_proxy ? { detail: 'verified through the proxy tunnel' } : {}) };
  const blockedHop = ev.redirects.find((h) => h.verdict === 'blocked');
  const redirects: StageReport =
    reason === 'redirect'
      ? { stage: 'redirects', status: 'failed', ms: 0, detail: blockedHop?.reason ?? failure?.detail ?? 'blocked' }
      : { stage: 'redirects', status: connFailed || reason === 'tls' ? 'skipped' : 'passed', ms: 0, detail: `${ev.redirects.length} followed` };
  return [connection, tls, redirects];
};
