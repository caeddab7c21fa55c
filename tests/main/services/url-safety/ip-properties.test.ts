import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPV4_ROWS, IPV6_ROWS } from '../../../../main/services/url-safety/ip-ranges';
import { checkUrlOffline } from '../../../../main/services/url-safety/offline-check';
import { DEFAULT_POLICY, type AddressPolicy, judgeAddress } from '../../../../main/services/url-safety/policy';

// Generated addresses in every special range, in every spelling the WHATWG parser accepts, never
// yield `allow`. Reserved ranges stay blocked even on an approved tunnel.

const TUNNEL: AddressPolicy = { deployment: 'self-hosted', allowlist_status: 'approved_tunnel', acknowledge_private: true };
const POLICIES = [DEFAULT_POLICY, TUNNEL, { ...TUNNEL, allowlist_status: 'allowlisted' as const }];
const RUNS = { numRuns: 300 };

const v4Int = (cidr: string) => {
  const [base = '', bits = '32'] = cidr.split('/');
  const start = base.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  return fc.integer({ min: 0, max: size - 1 }).map((off) => start + off);
};

const octets = (n: number): number[] => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const hex = (n: number): string => n.toString(16);
const hex4 = (n: number): string => `${hex(n >>> 16)}:${hex(n & 0xffff)}`;

type Enc = (n: number, pad: number) => string;
const part = (kind: number, v: number, pad: number): string =>
  kind === 0 ? String(v) : kind === 1 ? `0x${'0'.repeat(pad)}${hex(v)}` : `0${'0'.repeat(pad)}${v.toString(8)}`;

const V4_ENCODINGS: readonly [string, Enc][] = [
  ['dotted decimal', (n) => octets(n).join('.')],
  ['decimal dword', (n) => String(n)],
  ['hex dword', (n, p) => `0x${'0'.repeat(p)}${hex(n)}`],
  ['octal dword', (n, p) => `0${'0'.repeat(p)}${n.toString(8)}`],
  ['dotted hex', (n, p) => octets(n).map((o) => part(1, o, p)).join('.')],
  ['dotted octal', (n, p) => octets(n).map((o) => part(2, o, p)).join('.')],
  ['mixed', (n, p) => octets(n).map((o, i) => part((i + p) % 3, o, p)).join('.')],
  ['three-part short form', (n) => { const [a = 0, b = 0] = octets(n); return `${a}.${b}.${n & 0xffff}`; }],
  ['two-part short form', (n, p) => `${n >>> 24}.${part(p % 3, n & 0xffffff, 0)}`],
  ['trailing dot', (n) => `${octets(n).join('.')}.`],
  ['IPv4-mapped', (n) => `[::ffff:${octets(n).join('.')}]`],
  ['IPv4-mapped hex', (n) => `[::ffff:${hex4(n)}]`],
  ['IPv4-mapped expanded', (n) => `[0:0:0:0:0:FFFF:${hex4(n)}]`],
  ['IPv4-compatible', (n) => `[::${octets(n).join('.')}]`],
  ['IPv4-compatible hex', (n) => `[::${hex4(n)}]`],
  ['IPv4-translated', (n) => `[::ffff:0:${hex4(n)}]`],
  ['NAT64', (n) => `[64:ff9b::${octets(n).join('.')}]`],
  ['NAT64 hex', (n) => `[64:ff9b::${hex4(n)}]`],
  ['local NAT64', (n) => `[64:ff9b:1::${hex4(n)}]`],
  ['6to4', (n) => `[2002:${hex4(n)}::1]`],
  ['Teredo', (n) => `[2001:0:${hex4(n)}::${hex(~n & 0xffff)}]`],
];

const EMBEDDING = new Set(V4_ENCODINGS.map(([name]) => name).filter((n) => n.startsWith('IPv4-') || /NAT64|6to4|Teredo/u.test(n)));

const verdictOf = (host: string, policy: AddressPolicy) => checkUrlOffline(`https://${host}/`, policy, judgeAddress).verdict;

describe('no special IPv4 address is allowed, whatever its spelling', () => {
  for (const row of IPV4_ROWS) {
    const policies = row.cls === 'private' ? [DEFAULT_POLICY] : POLICIES;
    it(`${row.cidr} (${row.range})`, () => {
      fc.assert(
        fc.property(v4Int(row.cidr), fc.integer({ min: 0, max: V4_ENCODINGS.length - 1 }), fc.nat(3), (n, e, pad) => {
          const [, enc] = V4_ENCODINGS[e] ?? V4_ENCODINGS[0] ?? ['', String];
          for (const p of policies) expect(verdictOf(enc(n, pad), p)).not.toBe('allow');
        }),
        RUNS,
      );
    });
  }

  it('the spellings are real: a public address in each non-embedding spelling is allowed, unless a part has a leading zero', () => {
    // 1.1.1.1 is public in every reading. A spelling with a leading-zero part (octal to WHATWG,
    // decimal to other parsers) is refused as ambiguous `syntax` whatever either reading is
    // (host-spelling.test.ts); here: the octal forms, and the two-part short form with pad 2.
    const pub = 0x01010101;
    const leadingZero = (name: string, pad: number): boolean =>
      ['octal dword', 'dotted octal', 'mixed'].includes(name) || (name === 'two-part short form' && pad % 3 === 2);
    for (const [name, enc] of V4_ENCODINGS.filter(([n]) => !EMBEDDING.has(n))) {
      for (const pad of [0, 1, 2]) {
        const v = checkUrlOffline(`https://${enc(pub, pad)}/`, DEFAULT_POLICY, judgeAddress);
        const expected = leadingZero(name, pad) ? ['invalid', 'syntax'] : ['allow', null];
        expect([name, pad, v.verdict, v.reason]).toEqual([name, pad, ...expected]);
      }
    }
  });

  it('every IPv6 form embedding an IPv4 address is blocked, even a public one', () => {
    const forms = V4_ENCODINGS.filter(([name]) => EMBEDDING.has(name));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: forms.length - 1 }), (n, e) => {
        const [, enc] = forms[e] ?? forms[0] ?? ['', String];
        for (const p of POLICIES) expect(verdictOf(enc(n, 0), p)).not.toBe('allow');
      }),
      RUNS,
    );
  });
});

const v6In = (cidr: string) => {
  const [base = '', bits = '128'] = cidr.split('/');
  const full = base.includes('::')
    ? (() => {
        const [l = '', r = ''] = base.split('::');
        const left = l === '' ? [] : l.split(':');
        const right = r === '' ? [] : r.split(':');
        return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
      })()
    : base.split(':');
  const start = full.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  const hostBits = 128n - BigInt(bits);
  return fc.bigInt({ min: 0n, max: (1n << hostBits) - 1n }).map((off) => start + off);
};

const groups = (v: bigint): number[] => Array.from({ length: 8 }, (_, i) => Number((v >> BigInt((7 - i) * 16)) & 0xffffn));

const V6_SPELLINGS: readonly ((g: number[]) => string)[] = [
  (g) => g.map((x) => x.toString(16)).join(':'),
  (g) => g.map((x) => x.toString(16).padStart(4, '0').toUpperCase()).join(':'),
  (g) => g.map((x) => x.toString(16)).join(':').replace(/(^|:)0(:0)+(:|$)/u, '::'),
];

describe('no special IPv6 address is allowed, whatever its spelling', () => {
  for (const row of IPV6_ROWS) {
    const policies = row.cls === 'private' ? [DEFAULT_POLICY] : POLICIES;
    it(`${row.cidr} (${row.range})`, () => {
      fc.assert(
        fc.property(v6In(row.cidr), fc.integer({ min: 0, max: V6_SPELLINGS.length - 1 }), (v, s) => {
          const host = `[${(V6_SPELLINGS[s] ?? String)(groups(v))}]`;
          for (const p of policies) expect(verdictOf(host, p)).not.toBe('allow');
        }),
        RUNS,
      );
    });
  }

  it('anything outside 2000::/3 and fc00::/7 is blocked under every policy', () => {
    const first = fc.oneof(fc.integer({ min: 0, max: 0x1fff }), fc.integer({ min: 0x4000, max: 0xfbff }), fc.integer({ min: 0xfe00, max: 0xffff }));
    fc.assert(
      fc.property(first, fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 7, maxLength: 7 }), (g0, rest) => {
        const host = `[${[g0, ...rest].map((x) => x.toString(16)).join(':')}]`;
        for (const p of POLICIES) expect(verdictOf(host, p)).not.toBe('allow');
      }),
      RUNS,
    );
  });
});

describe('the policy table', () => {
  it.each([
    ['https://10.1.2.3/', 'block', 'allow'],
    ['https://172.20.0.1/', 'block', 'allow'],
    ['https://192.168.1.10/', 'block', 'allow'],
    ['https://[fd12:3456::1]/', 'block', 'allow'],
    ['https://bitbucket.corp/', 'block', 'allow'],
    ['https://bitbucket/', 'block', 'allow'],
    ['https://127.0.0.1/', 'block', 'block'],
    ['https://169.254.169.254/', 'block', 'block'],
    ['https://[fd00:ec2::254]/', 'block', 'block'],
    ['https://100.64.0.1/', 'block', 'block'],
    ['https://localhost/', 'block', 'block'],
    ['https://metadata.google.internal/', 'block', 'block'],
    ['https://8.8.8.8/', 'allow', 'allow'],
  ])('%s: default %s, approved tunnel %s', (url, byDefault, onTunnel) => {
    expect(checkUrlOffline(url, DEFAULT_POLICY, judgeAddress).verdict).toBe(byDefault);
    expect(checkUrlOffline(url, TUNNEL, judgeAddress).verdict).toBe(onTunnel);
    expect(checkUrlOffline(url, { ...TUNNEL, allowlist_status: 'allowlisted', acknowledge_private: false }, judgeAddress).verdict).toBe(byDefault);
    expect(checkUrlOffline(url, { ...TUNNEL, deployment: 'cloud' }, judgeAddress).verdict).toBe(byDefault);
    expect(checkUrlOffline(url, { ...TUNNEL, allowlist_status: 'direct' }, judgeAddress).verdict).toBe(byDefault);
  });
});
