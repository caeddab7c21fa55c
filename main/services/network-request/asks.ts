import type { NetworkRequestDocument } from '../../../shared/contract/network-request';

// The concrete asks of a change request, from what the probe saw. Each names the exact address,
// port and source, so a firewall or proxy team can act on it without a meeting.

type Facts = Omit<NetworkRequestDocument, 'title' | 'asks' | 'path'>;

const where = (f: Facts): string => {
  const first = f.addresses[0];
  const ip = first === undefined ? f.destination.host : first.family === 6 ? `[${first.ip}]` : first.ip;
  return `TCP ${ip}:${f.destination.port}`;
};

const from = (f: Facts): string => (f.source_address === null ? 'this machine' : `this machine (source address ${f.source_address})`);

export const pathOf = (f: Facts): string =>
  f.allowlist_status === 'approved_tunnel'
    ? `WebRiskOps → the approved tunnel → ${f.destination.host}:${f.destination.port}`
    : `WebRiskOps → ${f.destination.host}:${f.destination.port}${f.proxy.used ? ` through the proxy ${f.proxy.proxy ?? ''}` : ' (direct)'}`;

const webRiskOpsAsk = (f: Facts): string =>
  f.allowlist_status === 'approved_tunnel'
    ? `Route WebRiskOps to ${where(f)} (${f.destination.host}) through the approved tunnel.`
    : `Allow WebRiskOps to reach ${where(f)} (${f.destination.host}, HTTPS${f.destination.tls_version === null ? '' : ` ${f.destination.tls_version}`}).`;

export const asksFor = (f: Facts): string[] => {
  const failure = f.failure;
  const ips = f.addresses.map((a) => `${a.ip} (${a.class})`).join(', ');
  if (failure === null) return [webRiskOpsAsk(f), `Keep ${where(f)} open from ${from(f)}: the probe reached the API root.`];
  switch (failure.reason) {
    case 'private_network':
      return [
        `${f.destination.host} resolves to private address${f.addresses.length === 1 ? '' : 'es'} ${ips}: approve a tunnel for WebRiskOps to ${where(f)} (then set the allowlist status to approved_tunnel), or allowlist it and acknowledge the private address.`,
        webRiskOpsAsk(f),
      ];
    case 'tls': {
      const issuer = f.certificate?.issuer;
      return [
        `The certificate ${f.destination.host} presents${issuer === undefined ? '' : ` (issuer ${issuer})`} is not trusted from this machine: send the issuing CA certificate as a PEM file so it can be added (Target step, or --ca FILE), or install a certificate from a CA this machine trusts.`,
        webRiskOpsAsk(f),
      ];
    }
    case 'timeout':
      return [
        `Allow ${where(f)} from ${from(f)}: the ${failure.stage} stage got no answer in time (${failure.detail}).`,
        webRiskOpsAsk(f),
      ];
    case 'unreachable':
      return [`${where(f)} refused or reset the connection from ${from(f)} (${failure.detail}): open the firewall for it, or check that Bitbucket listens there.`, webRiskOpsAsk(f)];
    case 'dns':
      return [
        `${f.destination.host} does not resolve from this machine (resolver ${f.resolver.servers.join(', ') || 'system default'}): add its DNS record, or the split-DNS forwarder for its zone.`,
      ];
    case 'redirect':
      return [`${f.destination.host} redirects (${failure.detail}): either adopt the final URL as the base URL, or stop the redirect on the server.`];
    case 'too_large':
      return [`The API root answer is larger than allowed (${failure.detail}): check what answers at ${f.destination.url}.`];
    default:
      return [`Fix the base URL first (${failure.reason}: ${failure.detail}); nothing was sent to the network.`];
  }
};
