import type { BlockReason } from '../../../shared/domain/checks';
import { classifyIp, type ClassifiedAddress } from './classify-ip';
import { addressDecision, type AddressPolicy } from './policy';
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

const EMPTY_CODES: ReadonlySet<string> = new Set(['ENODATA', 'ENOTFOUND']);

const errorCode = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'EUNKNOWN';

type Lookup = { ok: true; answers: string[] } | { ok: false; code: string };

const lookup = async (fn: () => Promise<string[]>): Promise<Lookup> => {
  try {
    return { ok: true, answers: await fn() };
  } catch (e) {
    const code = errorCode(e);
    return EMPTY_CODES.has(code) ? { ok: true, answers: [] } : { ok: false, code };
  }
};

export const resolveAndJudge = async (host: string, resolver: Resolver, policy: AddressPolicy): Promise<DnsOutcome> => {
  const [a, aaaa] = await Promise.all([lookup(() => resolver.resolve4(host)), lookup(() => resolver.resolve6(host))]);
  // A server that fails one family (some answer SERVFAIL or NOTIMP for AAAA) does not sink the
  // host when the other family answered: only the answers received can ever be connected to.
  if (!a.ok && !aaaa.ok) {
    return { ok: false, reason: 'dns', detail: `DNS lookup for ${host} failed (${a.code}, ${aaaa.code})`, addresses: [], stage: 'dns' };
  }
  const answers = [...(a.ok ? a.answers : []), ...(aaaa.ok ? aaaa.answers : [])];
  if (answers.length === 0) {
    const failed = !a.ok ? ` (A: ${a.code})` : !aaaa.ok ? ` (AAAA: ${aaaa.code})` : '';
    return { ok: false, reason: 'dns', detail: `${host} has no A or AAAA record${failed}`, addresses: [], stage: 'dns' };
  }
  const addresses = answers.map(classifyIp);
  for (const addr of addresses) {
    const blocked = addressDecision(addr.ip, addr.cls, policy);
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
