import { Resolver as DnsResolver } from 'node:dns/promises';

// The DNS seam. Production uses the system's configured servers (not /etc/hosts: a hosts-file
// entry must not bypass the checks); tests point a node:dns Resolver at their own UDP server.

export interface Resolver {
  resolve4(host: string): Promise<string[]>;
  resolve6(host: string): Promise<string[]>;
  /** The DNS servers asked (`ip` or `ip:port`), for the network team's change request. */
  servers?(): string[];
}

export interface DnsResolverOptions {
  /** `ip` or `ip:port` entries; omitted = the system's servers. */
  readonly servers?: readonly string[];
  readonly timeoutMs?: number;
  readonly tries?: number;
}

export const createDnsResolver = (options: DnsResolverOptions = {}): Resolver => {
  const r = new DnsResolver({ timeout: options.timeoutMs ?? 3000, tries: options.tries ?? 2 });
  if (options.servers !== undefined) r.setServers([...options.servers]);
  return {
    resolve4: (host) => r.resolve4(host),
    resolve6: (host) => r.resolve6(host),
    servers: () => r.getServers(),
  };
};
