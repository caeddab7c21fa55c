import type { DriftItem } from '../../../shared/contract/recheck';
import type { CheckResults } from '../../../shared/domain/checks';
import { daysUntil, dayOf, RADAR_DEFAULT_WITHIN_DAYS } from '../../../shared/domain/radar';
import type { ProbeResult } from '../network-check/probe';

// Signed evidence vs what the host shows now: the address set, the certificate (changed, or
// expiring within the radar's window), the version, redirects and reachability.

const ipSet = (ips: readonly string[]): string => [...new Set(ips)].sort().join(', ');

export const driftOf = (evidence: CheckResults, now: ProbeResult, at: Date): DriftItem[] => {
  const items: DriftItem[] = [];
  const beforeIps = ipSet((evidence.url_safety?.addresses ?? []).map((a) => a.ip));
  const afterIps = ipSet(now.addresses.map((a) => a.ip));
  if (beforeIps !== afterIps) items.push({ kind: 'addresses', before: beforeIps || null, after: afterIps || null, detail: 'The host resolves to a different set of addresses: the allowlist or tunnel may need the new ones.' });

  const beforeCert = evidence.network?.tls;
  const afterCert = now.tls;
  if (beforeCert !== undefined && afterCert !== null && beforeCert.fingerprint_sha256 !== afterCert.fingerprint_sha256) {
    items.push({
      kind: 'certificate',
      before: `${beforeCert.fingerprint_sha256} (${beforeCert.subject}, until ${dayOf(beforeCert.valid_to)})`,
      after: `${afterCert.fingerprint_sha256} (${afterCert.subject}, until ${dayOf(afterCert.valid_to)})`,
      detail: 'The host presents a different certificate than the bundle recorded: confirm the change with the Bitbucket administrators, then re-export the bundle.',
    });
  }
  if (afterCert !== null && daysUntil(dayOf(afterCert.valid_to), at) <= RADAR_DEFAULT_WITHIN_DAYS) {
    items.push({ kind: 'certificate_expiring', before: null, after: dayOf(afterCert.valid_to), detail: `The certificate the host presents expires within ${RADAR_DEFAULT_WITHIN_DAYS} days: ask for it to be renewed.` });
  }
  const beforeVersion = evidence.network?.api_root?.version ?? null;
  const afterVersion = now.api_root?.version ?? null;
  if (beforeVersion !== null && afterVersion !== null && beforeVersion !== afterVersion) {
    items.push({ kind: 'version', before: beforeVersion, after: afterVersion, detail: 'Bitbucket Data Center was upgraded or replaced since the bundle was signed.' });
  }
  const hops = (list: readonly { to: string }[]): string => list.map((h) => h.to).join(' -> ');
  const beforeHops = hops(evidence.network?.redirects ?? []);
  const afterHops = hops(now.redirects);
  if (afterHops !== '' && afterHops !== beforeHops) items.push({ kind: 'redirect', before: beforeHops || null, after: afterHops, detail: 'The API root now redirects: check that the base URL is still the right one.' });
  if (evidence.network?.status === 'reached' && now.verdict !== 'allow') {
    items.push({ kind: 'reachability', before: 'reached', after: `${now.reason ?? 'failed'}: ${now.detail ?? ''}`, detail: 'The probe that passed when the bundle was signed fails from this machine now: see bitbucket-target network-request for what to ask.' });
  }
  return items;
};
