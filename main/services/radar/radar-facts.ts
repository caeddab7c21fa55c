import type { CorporateCa } from '../../../shared/domain/ca';
import { caFacts, type RadarFacts } from '../../../shared/domain/radar-items';
import type { ProbeResult } from '../network-check/probe';

// A live probe's radar facts. A saved target's (targetFacts) and a bundle's (bundleRadarItems)
// live in shared/domain/radar-items.ts, where the exporter and the reviewer read them too.

export const probeFacts = (p: ProbeResult, ca: CorporateCa | undefined): RadarFacts => ({
  scope: p.normalized ?? p.input,
  deployment: 'self-hosted',
  ...(p.tls === null ? {} : { tls: p.tls }),
  ca: caFacts(ca),
  ...(p.api_root === null ? {} : { dc_version: p.api_root.version }),
});
