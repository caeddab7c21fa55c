import type { BlockReason } from '../../../shared/domain/checks';
import { dnsErrorWords, dnsTimeoutWords, noAddressWords, nxdomainWords } from '../../../shared/errors/network-failures';
import type { Resolver } from './resolver';

// A name's A and AAAA answers from the network's resolver, or what went wrong in words (NXDOMAIN,
// a silent resolver, a name without addresses), naming the host and the resolver. The one lookup:
// stage 4 judges its answers, the Bitbucket Cloud client connects to them.

export type HostLookup =
  | { readonly ok: true; readonly answers: readonly string[] }
  | { readonly ok: false; readonly reason: BlockReason; readonly detail: string };

const EMPTY_CODES: ReadonlySet<string> = new Set(['ENODATA', 'ENOTFOUND']);

const errorCode = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'EUNKNOWN';

/** `empty`: the code of an answer with no address (ENOTFOUND is NXDOMAIN, ENODATA a name without that record). */
type Family = { ok: true; answers: string[]; empty?: string } | { ok: false; code: string };

const ABORTED = 'ABORT_ERR';

/** Settles when `signal` aborts: a resolver that never answers must not outlive the overall limit. */
const whenAborted = (signal: AbortSignal): Promise<Family> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve({ ok: false, code: ABORTED });
    else signal.addEventListener('abort', () => resolve({ ok: false, code: ABORTED }), { once: true });
  });

const family = async (fn: () => Promise<string[]>): Promise<Family> => {
  try {
    return { ok: true, answers: await fn() };
  } catch (e) {
    const code = errorCode(e);
    return EMPTY_CODES.has(code) ? { ok: true, answers: [], empty: code } : { ok: false, code };
  }
};

const familyUntil = (fn: () => Promise<string[]>, signal: AbortSignal | undefined): Promise<Family> =>
  signal === undefined ? family(fn) : signal.aborted ? whenAborted(signal) : Promise.race([family(fn), whenAborted(signal)]);

/** Both families of `host`; `signal` is the overall deadline of the request the lookup belongs to. */
export const lookupHost = async (host: string, resolver: Resolver, signal?: AbortSignal): Promise<HostLookup> => {
  const [a, aaaa] = await Promise.all([familyUntil(() => resolver.resolve4(host), signal), familyUntil(() => resolver.resolve6(host), signal)]);
  if (signal?.aborted === true) return { ok: false, reason: 'timeout', detail: `the overall time limit was reached while resolving ${host}` };
  // A server that fails one family (some answer SERVFAIL or NOTIMP for AAAA) does not sink the
  // host when the other family answered: only the answers received can ever be connected to.
  const path = { host, resolver: resolver.servers?.() ?? [] };
  if (!a.ok && !aaaa.ok) {
    const detail = a.code === 'ETIMEOUT' && aaaa.code === 'ETIMEOUT' ? dnsTimeoutWords(path) : dnsErrorWords(path, `${a.code}, ${aaaa.code}`);
    return { ok: false, reason: 'dns', detail };
  }
  const answers = [...(a.ok ? a.answers : []), ...(aaaa.ok ? aaaa.answers : [])];
  if (answers.length > 0) return { ok: true, answers };
  // NXDOMAIN is an answer about the name (it does not exist); a silent family next to it changes nothing.
  if ((a.ok && a.empty === 'ENOTFOUND') || (aaaa.ok && aaaa.empty === 'ENOTFOUND')) return { ok: false, reason: 'dns', detail: nxdomainWords(path) };
  const failed = !a.ok ? ` (A: ${a.code})` : !aaaa.ok ? ` (AAAA: ${aaaa.code})` : '';
  return { ok: false, reason: 'dns', detail: noAddressWords(path, failed) };
};
