// The address table of the policy: every IANA special-purpose IPv4 and IPv6 block (plus the
// embedded-IPv4 forms and a short denylist of special public addresses), each with the class the
// policy acts on. Order matters: the first matching row wins, so narrow rows come first.

/** `private` may be permitted by the private-network policy; every other class is always blocked. */
export type AddressClass = 'public' | 'private' | 'reserved' | 'metadata';

export interface RangeRow {
  readonly cidr: string;
  /** The label reported as evidence (ipaddr.js names where it has one). */
  readonly range: string;
  readonly cls: Exclude<AddressClass, 'public'>;
}

export const IPV4_ROWS: readonly RangeRow[] = [
  { cidr: '168.63.129.16/32', range: 'azureWireServer', cls: 'metadata' },
  { cidr: '169.254.169.254/32', range: 'cloudMetadata', cls: 'metadata' },
  { cidr: '169.254.170.2/32', range: 'ecsCredentials', cls: 'metadata' },
  { cidr: '100.100.100.200/32', range: 'alibabaMetadata', cls: 'metadata' },
  { cidr: '192.0.0.192/32', range: 'oracleMetadata', cls: 'metadata' },
  { cidr: '0.0.0.0/8', range: 'unspecified', cls: 'reserved' },
  { cidr: '10.0.0.0/8', range: 'private', cls: 'private' },
  { cidr: '100.64.0.0/10', range: 'carrierGradeNat', cls: 'reserved' },
  { cidr: '127.0.0.0/8', range: 'loopback', cls: 'reserved' },
  { cidr: '169.254.0.0/16', range: 'linkLocal', cls: 'reserved' },
  { cidr: '172.16.0.0/12', range: 'private', cls: 'private' },
  { cidr: '192.0.0.0/24', range: 'reserved', cls: 'reserved' },
  { cidr: '192.0.2.0/24', range: 'reserved', cls: 'reserved' },
  { cidr: '192.31.196.0/24', range: 'as112', cls: 'reserved' },
  { cidr: '192.52.193.0/24', range: 'amt', cls: 'reserved' },
  { cidr: '192.88.99.0/24', range: 'reserved', cls: 'reserved' },
  { cidr: '192.168.0.0/16', range: 'private', cls: 'private' },
  { cidr: '192.175.48.0/24', range: 'as112', cls: 'reserved' },
  { cidr: '198.18.0.0/15', range: 'benchmarking', cls: 'reserved' },
  { cidr: '198.51.100.0/24', range: 'reserved', cls: 'reserved' },
  { cidr: '203.0.113.0/24', range: 'reserved', cls: 'reserved' },
  { cidr: '224.0.0.0/4', range: 'multicast', cls: 'reserved' },
  { cidr: '240.0.0.0/4', range: 'reserved', cls: 'reserved' },
  { cidr: '255.255.255.255/32', range: 'broadcast', cls: 'reserved' },
];

export const IPV6_ROWS: readonly RangeRow[] = [
  // Cloud metadata services that live inside unique-local space (AWS IMDS, Amazon Time Sync, GCP).
  { cidr: 'fd00:ec2::/64', range: 'cloudMetadata', cls: 'metadata' },
  { cidr: 'fd20:ce::254/128', range: 'cloudMetadata', cls: 'metadata' },
  { cidr: '::/128', range: 'unspecified', cls: 'reserved' },
  { cidr: '::1/128', range: 'loopback', cls: 'reserved' },
  // ipaddr.js calls ::/96 plain unicast; it is the deprecated IPv4-compatible form.
  { cidr: '::/96', range: 'ipv4Compatible', cls: 'reserved' },
  { cidr: '::ffff:0:0/96', range: 'ipv4Mapped', cls: 'reserved' },
  { cidr: '::ffff:0:0:0/96', range: 'ipv4Translated', cls: 'reserved' },
  { cidr: '64:ff9b::/96', range: 'rfc6052', cls: 'reserved' },
  { cidr: '64:ff9b:1::/48', range: 'nat64Local', cls: 'reserved' },
  { cidr: '100::/64', range: 'discard', cls: 'reserved' },
  { cidr: '100:0:0:1::/64', range: 'dummyPrefix', cls: 'reserved' },
  { cidr: '2001::/32', range: 'teredo', cls: 'reserved' },
  { cidr: '2001::/23', range: 'reserved', cls: 'reserved' },
  { cidr: '2001:db8::/32', range: 'reserved', cls: 'reserved' },
  { cidr: '2002::/16', range: '6to4', cls: 'reserved' },
  { cidr: '2620:4f:8000::/48', range: 'as112v6', cls: 'reserved' },
  { cidr: '3fff::/20', range: 'reserved', cls: 'reserved' },
  { cidr: '5f00::/16', range: 'srv6', cls: 'reserved' },
  { cidr: 'fc00::/7', range: 'uniqueLocal', cls: 'private' },
  { cidr: 'fe80::/10', range: 'linkLocal', cls: 'reserved' },
  { cidr: 'fec0::/10', range: 'siteLocal', cls: 'reserved' },
  { cidr: 'ff00::/8', range: 'multicast', cls: 'reserved' },
];

/** Global unicast space. Any IPv6 address outside it (and not matched above) is reserved. */
export const IPV6_GLOBAL_UNICAST = '2000::/3';
