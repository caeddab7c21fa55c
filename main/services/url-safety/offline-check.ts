import type { AddressJudge, AddressPolicy } from './policy';
import { judgeHost } from './host-stage';
import { checkSyntax } from './syntax';
import { stopwatch, type StageReport, type UrlVerdict } from './verdict';

// Stages 1–3 without DNS: what `url-check --offline` runs, and the first half of every online
// check. A name that passes is `allow` pending DNS.

const skipped = (stage: StageReport['stage']): StageReport => ({ stage, status: 'skipped', ms: 0 });

export const checkUrlOffline = (input: string, policy: AddressPolicy, judge: AddressJudge): UrlVerdict => {
  const t = stopwatch();
  const syntax = checkSyntax(input);
  const syntaxMs = t();
  if (!syntax.ok) {
    return {
      input,
      verdict: syntax.verdict,
      code: 'PROVIDER_BASE_URL_BLOCKED',
      reason: syntax.reason,
      detail: syntax.detail,
      normalized: syntax.normalized,
      addresses: [],
      offline: true,
      stages: [{ stage: 'syntax', status: 'failed', ms: syntaxMs, detail: syntax.detail }, skipped('dns'), skipped('addresses'), skipped('policy')],
    };
  }
  const t2 = stopwatch();
  const host = judgeHost(syntax, policy, judge);
  const hostMs = t2();
  const addresses = host.literal === null ? [] : [{ ip: host.literal.ip, range: host.literal.range, family: host.literal.family }];
  const stages: StageReport[] = [
    { stage: 'syntax', status: 'passed', ms: syntaxMs, detail: syntax.normalized },
    skipped('dns'),
    // A reserved address fails the address stage itself; a private one that the allowlist policy
    // does not permit fails the policy stage; a private one it permits passes both.
    { stage: 'addresses', status: host.blocked === 'reserved_ip' ? 'failed' : 'passed', ms: hostMs, detail: host.detail },
    {
      stage: 'policy',
      status: host.blocked === null ? 'passed' : host.blocked === 'reserved_ip' ? 'skipped' : 'failed',
      ms: 0,
      detail: host.blocked ?? (host.cls === 'public' ? 'public' : 'permitted by the allowlist status'),
    },
  ];
  return {
    input,
    verdict: host.blocked === null ? 'allow' : 'block',
    code: host.blocked === null ? null : 'PROVIDER_BASE_URL_BLOCKED',
    reason: host.blocked,
    detail: host.blocked === null ? (syntax.hostKind === 'name' ? 'allowed pending DNS' : null) : host.detail,
    normalized: syntax.normalized,
    addresses,
    offline: true,
    stages,
  };
};
