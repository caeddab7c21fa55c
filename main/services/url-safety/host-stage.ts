import type { BlockReason } from '../../../shared/domain/checks';
import { classifyIp, type ClassifiedAddress } from './classify-ip';
import type { AddressClass } from './ip-ranges';
import { classDecision, type AddressJudge, type AddressPolicy } from './policy';
import { classifyName } from './private-names';
import type { ParsedTarget } from './syntax';

// Stages 2–3 on the host itself: a literal address is classified and judged; a name is
// classified (localhost-like, metadata, private, public) and judged. Names still need DNS.

export interface HostJudgement {
  /** The class of the host: for a literal its address class, for a name its name class. */
  readonly cls: AddressClass;
  readonly range: string;
  /** The literal address, when the host is one. */
  readonly literal: ClassifiedAddress | null;
  readonly blocked: BlockReason | null;
  readonly detail: string;
}

export const judgeHost = (target: Pick<ParsedTarget, 'host' | 'hostKind'>, policy: AddressPolicy, judge: AddressJudge): HostJudgement => {
  if (target.hostKind !== 'name') {
    const a = classifyIp(target.host);
    return { cls: a.cls, range: a.range, literal: a, blocked: judge(a, policy), detail: `${a.ip} is ${a.range}` };
  }
  const n = classifyName(target.host);
  const blocked = classDecision(n.cls, policy);
  return { cls: n.cls, range: n.range, literal: null, blocked, detail: `${target.host} is ${n.range}` };
};
