import ipaddr from 'ipaddr.js';
import { ok } from '../../../shared/contract/define';
import { DEFAULT_LIMITS, type NetLimits } from '../../../main/services/net/limits';
import { targetCa, type Network } from '../../../main/services/net/network';
import { parseProxyEnv, type ProxyEnv } from '../../../main/services/net/proxy-env';
import { parseStrictIp } from '../../../main/services/url-safety/classify-ip';
import { judgeAddress, type AddressJudge } from '../../../main/services/url-safety/policy';
import type { Resolver } from '../../../main/services/url-safety/resolver';

// How tests reach servers on loopback: not with a switch in production types, but by handing the
// composition root a network of their own — a judge that lets chosen loopback addresses stand in
// for public ones (everything else is judged by the production judge), their own resolver, and a
// CA loader that also trusts the simulators' throw-away CA.

/** The production judge, except that addresses inside `cidrs` are permitted whatever their class. */
export const permitting = (cidrs: readonly string[], base: AddressJudge = judgeAddress): AddressJudge => {
  const nets = cidrs.map((c) => ipaddr.parseCIDR(c));
  return (address, policy) => {
    const a = parseStrictIp(address.ip);
    if (a !== null && nets.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits))) return null;
    return base(address, policy);
  };
};

/** A resolver that knows no name: for tests whose hosts are all literal addresses. */
export const noNames: Resolver = {
  resolve4: async (host) => Promise.reject(Object.assign(new Error(`no test record for ${host}`), { code: 'ENOTFOUND' })),
  resolve6: async (host) => Promise.reject(Object.assign(new Error(`no test record for ${host}`), { code: 'ENOTFOUND' })),
};

export interface TestNetworkOptions {
  readonly resolver?: Resolver;
  readonly permit?: readonly string[];
  readonly env?: ProxyEnv;
  readonly limits?: Partial<NetLimits>;
  /** PEM trusted for a target that names no corporate CA of its own (a Cloud target's Jira site). */
  readonly fallbackCa?: string;
}

export const testNetwork = (o: TestNetworkOptions = {}): Network => ({
  resolver: o.resolver ?? noNames,
  env: o.env ?? {},
  proxy: parseProxyEnv(o.env ?? {}),
  limits: { ...DEFAULT_LIMITS, ...o.limits },
  judge: permitting(o.permit ?? []),
  caOf: async (target) => {
    const own = await targetCa(target);
    if (!own.ok || own.value !== undefined || o.fallbackCa === undefined) return own;
    return ok(o.fallbackCa);
  },
});

/** The simulators' loopback world: literal 127.0.0.1 origins, permitted; their CA trusted as a fallback. */
export const LOOPBACK = ['127.0.0.0/8'] as const;
