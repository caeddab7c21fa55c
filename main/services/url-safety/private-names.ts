// Names that never point at a public Bitbucket: localhost-like and metadata names (never allowed)
// and private names (single labels, non-public top-level labels), which the private-network
// policy may permit.

export type NameClass = 'public' | 'private' | 'reserved' | 'metadata';

export interface ClassifiedName {
  readonly cls: NameClass;
  readonly range: string;
}

const LOCALHOST_NAMES: ReadonlySet<string> = new Set([
  'localhost',
  'localhost.localdomain',
  'localhost6',
  'localhost6.localdomain6',
  'ip6-localhost',
  'ip6-loopback',
  'ip6-localnet',
  'ip6-allnodes',
  'ip6-allrouters',
  'ip6-mcastprefix',
  'loopback',
]);

/** Exact names, and everything beneath them. */
const METADATA_NAMES: readonly string[] = [
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.azure.internal',
  'metadata.packet.net',
  'metadata.platformequinix.com',
  'metadata.tencentyun.com',
  'kubernetes.default',
  'kubernetes.default.svc',
];

/** Top-level labels that are never delegated in the public DNS (or are special-use). */
export const NON_PUBLIC_TLDS: ReadonlySet<string> = new Set([
  'localhost',
  'local',
  'internal',
  'test',
  'example',
  'invalid',
  'localdomain',
  'localdomain6',
  'lan',
  'home',
  'corp',
  'intranet',
  'private',
  'svc',
  'cluster',
  'arpa',
  'onion',
  'alt',
]);

const under = (name: string, suffix: string): boolean => name === suffix || name.endsWith(`.${suffix}`);

/** `name` is a canonical (lower-case, ASCII, no trailing dot) DNS name. */
export const classifyName = (name: string): ClassifiedName => {
  const labels = name.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (LOCALHOST_NAMES.has(name) || tld === 'localhost') return { cls: 'reserved', range: 'localhostName' };
  if (METADATA_NAMES.some((m) => under(name, m))) return { cls: 'metadata', range: 'metadataName' };
  if (labels.length === 1) return { cls: 'private', range: 'singleLabel' };
  if (NON_PUBLIC_TLDS.has(tld)) return { cls: 'private', range: `nonPublicSuffix:${tld}` };
  return { cls: 'public', range: 'publicName' };
};
