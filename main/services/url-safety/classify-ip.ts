import ipaddr from 'ipaddr.js';
import type { AddressEvidence } from '../../../shared/domain/checks';
import { IPV4_ROWS, IPV6_GLOBAL_UNICAST, IPV6_ROWS, type AddressClass, type RangeRow } from './ip-ranges';

export interface ClassifiedAddress extends AddressEvidence {
  readonly cls: AddressClass;
}

type Cidr4 = [ipaddr.IPv4, number];
type Cidr6 = [ipaddr.IPv6, number];

const v4Table: readonly (readonly [Cidr4, RangeRow])[] = IPV4_ROWS.map((r) => [ipaddr.IPv4.parseCIDR(r.cidr), r] as const);
const v6Table: readonly (readonly [Cidr6, RangeRow])[] = IPV6_ROWS.map((r) => [ipaddr.IPv6.parseCIDR(r.cidr), r] as const);
const globalUnicast: Cidr6 = ipaddr.IPv6.parseCIDR(IPV6_GLOBAL_UNICAST);

/**
 * Strict literal parsing: only canonical dotted-quad IPv4 (what the WHATWG parser and a DNS
 * resolver produce) and IPv6 without a zone. Odd spellings are not addresses here.
 */
export const parseStrictIp = (text: string): ipaddr.IPv4 | ipaddr.IPv6 | null => {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes('%') || !text.includes(':') || !ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  return v6.zoneId === undefined ? v6 : null;
};

const classify4 = (a: ipaddr.IPv4): { range: string; cls: AddressClass } => {
  for (const [cidr, row] of v4Table) if (a.match(cidr)) return { range: row.range, cls: row.cls };
  return { range: 'unicast', cls: 'public' };
};

const classify6 = (a: ipaddr.IPv6): { range: string; cls: AddressClass } => {
  for (const [cidr, row] of v6Table) if (a.match(cidr)) return { range: row.range, cls: row.cls };
  if (!a.match(globalUnicast)) return { range: 'reserved', cls: 'reserved' };
  return { range: 'unicast', cls: 'public' };
};

/** Classify one address. Anything that does not parse strictly is reserved (never allowed). */
export const classifyIp = (text: string): ClassifiedAddress => {
  const a = parseStrictIp(text);
  if (a === null) return { ip: text, family: text.includes(':') ? 6 : 4, range: 'unparseable', cls: 'reserved' };
  if (a.kind() === 'ipv4') {
    const v4 = a as ipaddr.IPv4;
    return { ip: v4.toString(), family: 4, ...classify4(v4) };
  }
  const v6 = a as ipaddr.IPv6;
  return { ip: v6.toString(), family: 6, ...classify6(v6) };
};
