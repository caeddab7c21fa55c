import type { AddressEvidence } from '../../../shared/domain/checks';
import { classifyIp, type ClassifiedAddress } from './classify-ip';
import { resolveAndJudge } from './dns-stage';
import { checkUrlOffline } from './offline-check';
import type { AddressJudge, AddressPolicy } from './policy';
import type { Resolver } from './resolver';
import { checkSyntax, type ParsedTarget } from './syntax';
import { stopwatch, type StageReport, type UrlVerdict } from './verdict';

// Stages 1–4: the offline stages, then DNS for names. The result carries the parsed target and the
// exact addresses that were checked, which is what the pinned connection may use and nothing else.

export interface CheckOptions {
  readonly policy: AddressPolicy;
  readonly resolver: Resolver;
  /** How an address is judged (production: judgeAddress; see policy.ts). */
  readonly judge: AddressJudge;
  /** Stages 1–3 only. */
  readonly offline?: boolean;
  /** The overall deadline: DNS stops waiting when it aborts (the verdict is then `timeout`). */
  readonly signal?: AbortSignal;
}

export interface ResolvedTarget {
  readonly verdict: UrlVerdict;
  /** Present when the verdict is allow and DNS ran (or the host is a literal). */
  readonly target: ParsedTarget | null;
  readonly addresses: readonly ClassifiedAddress[];
}

const evidence = (a: readonly ClassifiedAddress[]): AddressEvidence[] => a.map(({ ip, range, family }) => ({ ip, range, family }));

const replaceStage = (stages: readonly StageReport[], next: StageReport): StageReport[] =>
  stages.map((s) => (s.stage === next.stage ? next : s));

export const resolveTarget = async (input: string, options: CheckOptions): Promise<ResolvedTarget> => {
  const offline = checkUrlOffline(input, options.policy, options.judge);
  const syntax = checkSyntax(input);
  if (offline.verdict !== 'allow' || !syntax.ok) return { verdict: offline, target: null, addresses: [] };
  if (syntax.hostKind !== 'name') {
    return { verdict: { ...offline, offline: false }, target: syntax, addresses: [classifyIp(syntax.host)] };
  }
  if (options.offline === true) return { verdict: offline, target: null, addresses: [] };
  const t = stopwatch();
  const dns = await resolveAndJudge(syntax.host, options);
  const ms = t();
  let stages = replaceStage(offline.stages, {
    stage: 'dns',
    status: dns.ok || dns.stage !== 'dns' ? 'passed' : 'failed',
    ms,
    detail: dns.ok || dns.stage !== 'dns' ? dns.addresses.map((a) => a.ip).join(', ') : dns.detail,
  });
  if (!dns.ok) {
    if (dns.stage !== 'dns') {
      stages = replaceStage(stages, { stage: dns.stage, status: 'failed', ms: 0, detail: dns.detail });
    }
    const verdict: UrlVerdict = {
      ...offline,
      verdict: 'block',
      code: 'PROVIDER_BASE_URL_BLOCKED',
      reason: dns.reason,
      detail: dns.detail,
      addresses: evidence(dns.addresses),
      offline: false,
      stages,
    };
    return { verdict, target: null, addresses: dns.addresses };
  }
  const detail = dns.addresses.map((a) => `${a.ip} ${a.range}`).join(', ');
  stages = replaceStage(stages, { stage: 'addresses', status: 'passed', ms: 0, detail });
  const verdict: UrlVerdict = { ...offline, detail: null, addresses: evidence(dns.addresses), offline: false, stages };
  return { verdict, target: syntax, addresses: dns.addresses };
};

/** The verdict alone (stages 1–4, or 1–3 when offline). */
export const checkUrl = async (input: string, options: CheckOptions): Promise<UrlVerdict> =>
  (await resolveTarget(input, options)).verdict;
