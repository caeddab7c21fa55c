import { UrlStageName } from '../../../shared/contract/url-safety';
import type { CheckResults } from '../../../shared/domain/checks';
import { URL_STAGE_INFO } from '../../../shared/domain/url-stage-info';

/** The one stage vocabulary (shared/contract/url-safety.ts). */
export type StageId = UrlStageName;
export type StageStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped';

export interface StageRow {
  readonly id: StageId;
  readonly title: string;
  readonly status: StageStatus;
  /** Evidence lines: addresses and ranges, certificate fingerprint and expiry, version. */
  readonly evidence: readonly string[];
  readonly ms?: number;
}

/** The timing keys of each stage; its title and failing reasons are shared (shared/domain/url-stage-info.ts). */
const STAGE_TIMING: Readonly<Record<StageId, readonly string[]>> = {
  syntax: [],
  dns: ['dns'],
  addresses: [],
  policy: [],
  connection: ['connect', 'tcp'],
  tls: ['tls'],
  redirects: [],
  api_root: ['api_root', 'headers', 'body', 'total'],
};

/** In the vocabulary's order. */
const STAGES = UrlStageName.options.map((id) => ({ id, ...URL_STAGE_INFO[id], timing: STAGE_TIMING[id] }));

const URL_STAGES: ReadonlySet<StageId> = new Set(['syntax', 'dns', 'addresses', 'policy']);

const evidenceOf = (id: StageId, c: CheckResults): string[] => {
  const u = c.url_safety;
  const n = c.network;
  switch (id) {
    case 'syntax':
      return u?.normalized !== undefined ? [`normalised: ${u.normalized}`] : [];
    case 'dns':
    case 'addresses':
      return (u?.addresses ?? []).map((a) => `${a.ip} (IPv${a.family}, ${a.range})`);
    case 'policy':
      return [];
    case 'connection':
      if (n?.via_proxy !== true) return [];
      return n.resolved_by_proxy === true
        ? ['through the configured proxy, which resolved the name itself: the addresses above are unverified']
        : ['through the configured proxy, tunnelled to the checked address'];
    case 'tls':
      return n?.tls !== undefined
        ? [`SHA-256 ${n.tls.fingerprint_sha256}`, `issuer ${n.tls.issuer}`, `valid until ${n.tls.valid_to}`]
        : [];
    case 'redirects':
      return (n?.redirects ?? []).map((h) => `${h.status} ${h.from} → ${h.to}: ${h.verdict}${h.reason !== undefined ? ` (${h.reason})` : ''}`);
    case 'api_root':
      return n?.api_root !== undefined ? [`${n.api_root.displayName} ${n.api_root.version} (build ${n.api_root.buildNumber})`] : [];
  }
};

const timingOf = (keys: readonly string[], c: CheckResults): number | undefined => {
  const timings = c.network?.timings_ms ?? {};
  for (const key of keys) if (timings[key] !== undefined) return timings[key];
  return undefined;
};

/** Rows from a live probe answer: its own status, timing and detail, plus the stored evidence. */
export const probeRows = (stages: ReadonlyArray<{ stage: StageId; status: 'passed' | 'failed' | 'skipped'; ms: number; detail?: string }>, checks: CheckResults): StageRow[] =>
  STAGES.map((s) => {
    const live = stages.find((x) => x.stage === s.id);
    const evidence = evidenceOf(s.id, checks);
    if (live === undefined) return { id: s.id, title: s.title, status: 'skipped', evidence };
    return { id: s.id, title: s.title, status: live.status, ms: live.ms, evidence: live.detail !== undefined ? [live.detail, ...evidence] : evidence };
  });

/**
 * One row per stage from what the URL-safety check and the probe recorded. While a check runs,
 * the stages without a result show `running`; after a failed stage the rest are `skipped`.
 */
export const stageRows = (checks: CheckResults, running: boolean): StageRow[] => {
  const failedReason = checks.url_safety?.status === 'blocked' ? checks.url_safety.reason : checks.network?.status === 'failed' ? checks.network.reason : undefined;
  const failedAny = checks.url_safety?.status === 'blocked' || checks.network?.status === 'failed';
  let stopped = false;
  return STAGES.map((s) => {
    const known = URL_STAGES.has(s.id) ? checks.url_safety !== undefined : checks.network !== undefined;
    const base = { id: s.id, title: s.title, evidence: evidenceOf(s.id, checks) };
    const ms = timingOf(s.timing, checks);
    const withMs = ms === undefined ? base : { ...base, ms };
    if (stopped) return { ...withMs, status: 'skipped' };
    if (running) return { ...withMs, status: 'running' };
    if (!known) return { ...withMs, status: failedAny ? 'skipped' : 'pending' };
    if (failedReason !== undefined && s.fails.includes(failedReason)) {
      stopped = true;
      return { ...withMs, status: 'failed' };
    }
    return { ...withMs, status: 'passed' };
  });
};
