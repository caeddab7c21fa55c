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

export const judgeHost = (target: Pick<ParsedTarget, 'host' | 'hostKind' | 'decimalReading'>, policy: AddressPolicy, judge: AddressJudge): HostJudgement => {
  if (target.hostKind !== 'name') {
    const a = classifyIp(target.host);
    const blocked = judge(a, policy);
    if (blocked === null && target.decimalReading !== undefined) {
      // An ambiguous spelling: safe only if the decimal reading other parsers use is safe too.
      const alt = classifyIp(target.decimalReading);
      const altBlocked = judge(alt, policy);
      if (altBlocked !== null) {
        return { cls: alt.cls, range: alt.range, literal: a, blocked: altBlocked, detail: `${a.ip} is ${a.range}, but the typed spelling reads as ${alt.ip} (${alt.range}) to parsers that take leading-zero parts as decimal` };
      }
    }
    return { cls: a.cls, range: a.range, literal: a, blocked, detail: `${a.ip} is ${a.range}` };
  }
  const n = classifyName(target.host);
  const blocked = classDecision(n.cls, policy);
  return { cls: n.cls, range: n.range, literal: null, blocked, detail: `${target.host} is ${n.range}` };
};
