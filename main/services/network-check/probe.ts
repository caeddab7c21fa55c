import type { UrlProbeResult } from '../../../shared/contract/url-safety';
import type { ApiRootEvidence, BlockReason } from '../../../shared/domain/checks';
import type { HttpResponse } from '../net/http-client';
import { safeExchange, type SafeClientOptions } from '../net/safe-http-client';
import { API_ROOT_PATH, parseApplicationProperties } from './application-properties';
import { checkSyntax } from '../url-safety/syntax';
import { stopwatch, type StageReport, type UrlVerdict } from '../url-safety/verdict';
import { networkStages } from './probe-stages';

// The Data Center probe: every stage, then GET {base_url}/rest/api/1.0/application-properties
// over the pinned connection. The context path of the base URL is kept. Stages 1–4 run once,
// inside the one guarded exchange; the probe answers their verdict alongside its own.

/** The URL verdict (always online here) plus what the connection and the API root showed. */
export type ProbeResult = UrlProbeResult;

export interface ProbeRun {
  readonly probe: ProbeResult;
  /** The verdict of stages 1–4 on the base URL, as the exchange ran them (what url_safety records). */
  readonly checked: UrlVerdict;
  /** The API root's HTTP answer, when one came (a 429 is rate limiting, not a verdict on the host). */
  readonly answer?: HttpResponse;
}

export const runProbe = async (baseUrl: string, o: SafeClientOptions): Promise<ProbeRun> => {
  const total = stopwatch();
  const syntax = checkSyntax(baseUrl);
  const apiUrl = syntax.ok ? `${syntax.normalized}${API_ROOT_PATH}` : baseUrl;
  const ex = await safeExchange({ url: apiUrl, method: 'GET', headers: { accept: 'application/json' } }, o);
  const { outcome, verdict } = ex;
  const ev = outcome.evidence;
  let apiRoot: ApiRootEvidence | null = null;
  let failure: { reason: BlockReason; detail: string } | null = outcome.ok ? null : { reason: outcome.reason, detail: outcome.detail };
  let apiStage: StageReport = { stage: 'api_root', status: 'skipped', ms: 0 };
  if (outcome.ok) {
    const t = stopwatch();
    const parsed =
      outcome.response.status === 200
        ? parseApplicationProperties(outcome.response.body)
        : { ok: false as const, detail: `the API root answered HTTP ${outcome.response.status}` };
    if (parsed.ok) {
      apiRoot = parsed.value;
      apiStage = { stage: 'api_root', status: 'passed', ms: t(), detail: `${parsed.value.displayName} ${parsed.value.version}` };
    } else {
      failure = { reason: 'unreachable', detail: parsed.detail };
      apiStage = { stage: 'api_root', status: 'failed', ms: t(), detail: parsed.detail };
    }
  }
  const invalid = verdict.verdict === 'invalid';
  const normalized = syntax.ok ? syntax.normalized : verdict.normalized === null ? null : verdict.normalized.replace(API_ROOT_PATH, '');
  const stages = [
    ...verdict.stages.map((s) => (s.stage === 'syntax' && syntax.ok ? { ...s, detail: syntax.normalized } : s)),
    ...networkStages(verdict.verdict === 'allow', ex, failure),
    apiStage,
  ];
  const probe: ProbeResult = {
    input: baseUrl,
    verdict: invalid ? 'invalid' : failure === null ? 'allow' : 'block',
    code: failure === null ? null : 'PROVIDER_BASE_URL_BLOCKED',
    reason: failure?.reason ?? null,
    detail: failure?.detail ?? null,
    normalized,
    addresses: [...ev.addresses],
    tls: ev.tls ?? null,
    redirects: [...ev.redirects],
    api_root: apiRoot,
    via_proxy: ev.via_proxy,
    proxy: ev.proxy ?? null,
    resolved_by_proxy: ev.resolved_by_proxy === true,
    local_address: ev.local_address ?? null,
    tls_version: ev.tls_version ?? null,
    timings_ms: { ...ev.timings_ms, total: total() },
    stages,
  };
  return { probe, checked: { ...verdict, input: baseUrl, normalized }, ...(outcome.ok ? { answer: outcome.response } : {}) };
};

export const probeDataCenter = async (baseUrl: string, o: SafeClientOptions): Promise<ProbeResult> => (await runProbe(baseUrl, o)).probe;
