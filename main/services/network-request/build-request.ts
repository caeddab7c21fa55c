import type { NetworkRequestDocument } from '../../../shared/contract/network-request';
import type { AllowlistStatus } from '../../../shared/domain/vocabulary';
import type { ProbeResult } from '../network-check/probe';
import { asksFor, pathOf } from './asks';
import type { PeekedCertificate } from './peek-certificate';

// A probe result (passed or failed) → the change request document.

export interface RequestContext {
  readonly allowlistStatus: AllowlistStatus | null;
  readonly resolverServers: readonly string[];
  readonly app: { readonly name: string; readonly version: string };
  readonly checkedAt: string;
  /** The certificate read without trusting it, after the probe refused it. */
  readonly peeked: PeekedCertificate | null;
}

export const destinationOf = (p: ProbeResult): { url: string; host: string; port: number } | null => {
  try {
    const u = new URL(p.normalized ?? p.input);
    // A URL typed with userinfo is refused by the checks; its password must not reach the ticket either.
    u.username = '';
    u.password = '';
    return { url: u.href.replace(/\/$/, ''), host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port === '' ? 443 : Number(u.port) };
  } catch {
    return null;
  }
};

export const buildRequest = (p: ProbeResult, c: RequestContext): NetworkRequestDocument => {
  const dest = destinationOf(p) ?? { url: '(not a URL)', host: '(not a URL)', port: 443 };
  const tls = p.tls ?? c.peeked?.tls ?? null;
  const failedStage = p.stages.find((s) => s.status === 'failed');
  const facts = {
    verdict: p.verdict === 'allow' ? ('reached' as const) : ('failed' as const),
    destination: {
      ...dest,
      protocol: 'TCP + TLS (HTTPS)',
      tls_version: p.tls_version ?? c.peeked?.tlsVersion ?? null,
      sni: /^[\d.]+$|:/.test(dest.host) ? null : dest.host,
    },
    addresses: p.addresses.map((a) => ({ ip: a.ip, family: a.family, class: a.range })),
    certificate:
      tls === null
        ? null
        : { subject: tls.subject, issuer: tls.issuer, fingerprint_sha256: tls.fingerprint_sha256, not_before: tls.valid_from, not_after: tls.valid_to, trusted: p.tls !== null },
    source_address: p.local_address ?? c.peeked?.localAddress ?? null,
    resolver: { servers: [...c.resolverServers] },
    proxy: { used: p.via_proxy, proxy: p.proxy },
    allowlist_status: c.allowlistStatus,
    failure: p.verdict === 'allow' ? null : { stage: failedStage?.stage ?? 'syntax', reason: p.reason ?? 'syntax', detail: p.detail ?? '' },
    stages: p.stages.map((s) => ({ ...s })),
    api_root: p.api_root === null ? null : { version: p.api_root.version, display_name: p.api_root.displayName },
    checked_at: c.checkedAt,
    app: { ...c.app },
  };
  return { title: `Network access for WebRiskOps to Bitbucket Data Center at ${dest.host}:${dest.port}`, asks: asksFor(facts), path: pathOf(facts), ...facts };
};
