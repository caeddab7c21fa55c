import { fail, ok, type Result } from '../../../shared/contract/define';
import type { Network } from '../net/network';
import type { NetworkRequestResult } from '../../../shared/contract/network-request';
import type { CorporateCa } from '../../../shared/domain/ca';
import { isDataCenter } from '../../../shared/domain/target';
import type { AllowlistStatus } from '../../../shared/domain/vocabulary';
import type { Clock } from '../clock/clock';
import { withLimits } from '../net/limits';
import { liveProbe, optionalCa } from '../live-probe/live-probe';
import { policyFor } from '../url-safety/policy';
import type { SettingsStore } from '../settings/settings-store';
import { loadTarget } from '../targets/stored-targets';
import type { AddressPolicy } from '../url-safety/policy';
import { buildRequest, destinationOf } from './build-request';
import { peekCertificate, type PeekedCertificate } from './peek-certificate';
import { renderMarkdown } from './render-markdown';

// The change request: probe (never with a credential), and when the certificate was refused, read
// the presented one without trusting it; then the document and its Markdown.

export interface NetworkRequestDeps {
  readonly clock: Clock;
  readonly settings: SettingsStore;
  /** The composition root's one network. */
  readonly network: Network;
  readonly app: { readonly name: string; readonly version: string };
}

export interface NetworkRequestInput {
  readonly baseUrl?: string;
  readonly target?: string;
  readonly caPem?: string;
  readonly allowlistStatus?: AllowlistStatus;
  readonly acknowledgePrivate: boolean;
  /** With a base URL: the admin lets HTTPS_PROXY resolve the name (a saved target carries its own choice). */
  readonly proxyResolvesName?: boolean;
  readonly timeoutMs?: number;
}

interface Plan {
  readonly url: string;
  readonly policy: AddressPolicy;
  readonly caPem?: string;
}

const planOf = async (deps: NetworkRequestDeps, i: NetworkRequestInput): Promise<Result<Plan>> => {
  if (i.target === undefined) {
    const policy: AddressPolicy = {
      deployment: 'self-hosted',
      acknowledge_private: i.acknowledgePrivate,
      ...(i.allowlistStatus === undefined ? {} : { allowlist_status: i.allowlistStatus }),
      ...(i.proxyResolvesName === true ? { proxy_resolves_name: true } : {}),
    };
    return ok({ url: i.baseUrl ?? '', policy, ...(i.caPem === undefined ? {} : { caPem: i.caPem }) });
  }
  const found = await loadTarget(deps.settings, i.target);
  if (!found.ok) return found;
  const t = found.value.target;
  if (!isDataCenter(t) || t.base_url === undefined) return fail('REQUEST_INVALID', 'A change request applies to a Data Center target with a base URL.');
  if (i.caPem === undefined && t.ca_needs_choice !== undefined) return fail('CA_FILE_INVALID', `Choose the corporate CA again: ${t.ca_needs_choice.reason}`, { reason: t.ca_needs_choice.reason });
  const caPem = i.caPem ?? t.ca?.pem;
  return ok({ url: t.base_url, policy: policyFor(t), ...(caPem === undefined ? {} : { caPem }) });
};

export const writeNetworkRequest = async (deps: NetworkRequestDeps, i: NetworkRequestInput): Promise<Result<NetworkRequestResult>> => {
  const plan = await planOf(deps, i);
  if (!plan.ok) return plan;
  const ca = optionalCa(plan.value.caPem);
  if (!ca.ok) return ca;
  const caValue: CorporateCa | undefined = ca.value;
  const probed = await liveProbe(deps.network, plan.value.url, { policy: plan.value.policy, ...(caValue === undefined ? {} : { ca: caValue }), ...(i.timeoutMs === undefined ? {} : { timeoutMs: i.timeoutMs }) });
  if (!probed.ok) return probed;
  const probe = probed.value;
  let peeked: PeekedCertificate | null = null;
  const dest = destinationOf(probe);
  const first = probe.addresses[0];
  // Only after the checks allowed the address (the failure is the certificate itself), only direct.
  if (probe.reason === 'tls' && !probe.via_proxy && dest !== null && first !== undefined) {
    peeked = await peekCertificate({ ip: first.ip, port: dest.port, host: dest.host, timeoutMs: withLimits(deps.network.limits).connectMs });
  }
  const document = buildRequest(probe, {
    allowlistStatus: plan.value.policy.allowlist_status ?? null,
    resolverServers: deps.network.resolver.servers?.() ?? [],
    app: deps.app,
    checkedAt: deps.clock.now().toISOString(),
    peeked,
  });
  return ok({ document, markdown: renderMarkdown(document) });
};
