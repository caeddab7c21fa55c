import type { BlockReason } from '../../../shared/domain/checks';
import { dnsErrorWords, dnsTimeoutWords, noAddressWords, nxdomainWords } from '../../../shared/errors/network-failures';
import { classifyIp, type ClassifiedAddress } from './classify-ip';
import type { AddressJudge, AddressPolicy } from './policy';
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

/** `empty`: the code of an answer with no address (ENOTFOUND is NXDOMAIN, ENODATA a name without that record). */
type Lookup = { ok: true; answers: string[]; empty?: string } | { ok: false; code: string };

const ABORTED = 'ABORT_ERR';

/** Settles when `signal` aborts: a resolver that never answers must not outlive the overall limit. */
const whenAborted = (signal: AbortSignal): Promise<Lookup> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve({ ok: false, code: ABORTED });
    else signal.addEventListener('abort', () => resolve({ ok: false, code: ABORTED }), { once: true });
  });

const lookup = async (fn: () => Promise<string[]>): Promise<Lookup> => {
  try {
    return { ok: true, answers: await fn() };
  } catch (e) {
    const code = errorCode(e);
    return EMPTY_CODES.has(code) ? { ok: true, answers: [], empty: code } : { ok: false, code };
  }
};

const lookupUntil = (fn: () => Promise<string[]>, signal: AbortSignal | undefined): Promise<Lookup> =>
  signal === undefined ? lookup(fn) : signal.aborted ? whenAborted(signal) : Promise.race([lookup(fn), whenAborted(signal)]);

export interface DnsJudging {
  readonly resolver: Resolver;
  readonly policy: AddressPolicy;
  readonly judge: AddressJudge;
  /** The overall deadline of the request this lookup belongs to. */
  readonly signal?: AbortSignal;
}

export const resolveAndJudge = async (host: string, o: DnsJudging): Promise<DnsOutcome> => {
  const [a, aaaa] = await Promise.all([lookupUntil(() => o.resolver.resolve4(host), o.signal), lookupUntil(() => o.resolver.resolve6(host), o.signal)]);
  if (o.signal?.aborted === true) {
    return { ok: false, reason: 'timeout', detail: `the overall time limit was reached while resolving ${host}`, addresses: [], stage: 'dns' };
  }
  // A server that fails one family (some answer SERVFAIL or NOTIMP for AAAA) does not sink the
  // host when the other family answered: only the answers received can ever be connected to.
  const path = { host, resolver: o.resolver.servers?.() ?? [] };
  if (!a.ok && !aaaa.ok) {
    const detail = a.code === 'ETIMEOUT' && aaaa.code === 'ETIMEOUT' ? dnsTimeoutWords(path) : dnsErrorWords(path, `${a.code}, ${aaaa.code}`);
    return { ok: false, reason: 'dns', detail, addresses: [], stage: 'dns' };
  }
  const answers = [...(a.ok ? a.answers : []), ...(aaaa.ok ? aaaa.answers : [])];
  if (answers.length === 0) {
    // NXDOMAIN is an answer about the name (it does not exist); a silent family next to it changes nothing.
    if ((a.ok && a.empty === 'ENOTFOUND') || (aaaa.ok && aaaa.empty === 'ENOTFOUND')) return { ok: false, reason: 'dns', detail: nxdomainWords(path), addresses: [], stage: 'dns' };
    const failed = !a.ok ? ` (A: ${a.code})` : !aaaa.ok ? ` (AAAA: ${aaaa.code})` : '';
    return { ok: false, reason: 'dns', detail: noAddressWords(path, failed), addresses: [], stage: 'dns' };
  }
  const addresses = answers.map(classifyIp);
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
