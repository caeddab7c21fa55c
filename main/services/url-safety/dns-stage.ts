import type { BlockReason } from '../../../shared/domain/checks';
import { classifyIp, type ClassifiedAddress } from './classify-ip';
import type { AddressJudge, AddressPolicy } from './policy';
import { lookupHost } from './lookup-host';
import type { Resolver } from './resolver';

// Stage 4: resolve A and AAAA, classify *every* answer. One bad answer blocks the host: nothing is
// filtered out, because a resolver that returns a bad address once can return it next time.

export type DnsOutcome =
  | { readonly ok: true; readonly addresses: readonly ClassifiedAddress[] }
  | {
      readonly ok: false;
      readonly reason: BlockReason;
      readonly detail: string;
      readonly addresses: readonly ClassifiedAddress[];
      /** Which stage failed: the lookup itself, or the classification of an answer. */
      readonly stage: 'dns' | 'addresses' | 'policy';
    };

export interface DnsJudging {
  readonly resolver: Resolver;
  readonly policy: AddressPolicy;
  readonly judge: AddressJudge;
  /** The overall deadline of the request this lookup belongs to. */
  readonly signal?: AbortSignal;
}

export const resolveAndJudge = async (host: string, o: DnsJudging): Promise<DnsOutcome> => {
  const found = await lookupHost(host, o.resolver, o.signal);
  if (!found.ok) return { ok: false, reason: found.reason, detail: found.detail, addresses: [], stage: 'dns' };
  const addresses = found.answers.map(classifyIp);
  for (const addr of addresses) {
    const blocked = o.judge(addr, o.policy);
    if (blocked !== null) {
      return {
        ok: false,
        reason: blocked,
        detail: `${host} resolves to ${addr.ip} (${addr.range})`,
        addresses,
        stage: blocked === 'private_network' ? 'policy' : 'addresses',
      };
    }
  }
  return { ok: true, addresses };
};
