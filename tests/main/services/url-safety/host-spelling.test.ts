import { describe, expect, it } from 'vitest';
import { checkUrlOffline } from '../../../../main/services/url-safety/offline-check';
import { DEFAULT_POLICY, judgeAddress, type AddressPolicy } from '../../../../main/services/url-safety/policy';

// The host typed must be the host checked. A leading-zero IPv4 part reads as octal to the WHATWG
// parser and as decimal to others; code points the parser drops or maps make the reviewed text
// differ from the judged host. Both are `syntax` (invalid), whatever either reading would be.

// Private addresses permitted (approved tunnel): both readings of `012.011.000.005` (octal
// 10.9.0.5, decimal 12.11.0.5) and of `8.8.8.010` (8.8.8.8, 8.8.8.10) are then allowed, so the old
// rule ("allowed when both readings are permitted") let them through, connecting to the octal one.
const PERMIT_ALL: AddressPolicy = { deployment: 'self-hosted', allowlist_status: 'approved_tunnel', acknowledge_private: true };

describe('leading-zero IPv4 parts are ambiguous', () => {
  it.each([
    ['https://012.011.000.005/', '012', PERMIT_ALL],
    ['https://8.8.8.010/', '010', PERMIT_ALL],
    ['https://012.011.000.005:8443/rest', '012', PERMIT_ALL],
    // Both readings public (1.2.3.4 either way): the old rule allowed it; a leading zero is refused as such.
    ['https://1.02.3.4/', '02', DEFAULT_POLICY],
    ['https://1.2.3.00/', '00', DEFAULT_POLICY],
    ['https://0x7f.0.0.01/', '01', PERMIT_ALL],
    ['https://1.2.3.04./', '04', DEFAULT_POLICY],
    // 87.0.0.1 to WHATWG, 127.0.0.1 (loopback) read as decimal.
    ['https://0127.0.0.1/', '0127', DEFAULT_POLICY],
    // 8.8.8.8 to WHATWG, 10.8.8.8 (private) read as decimal.
    ['https://010.8.8.8/', '010', DEFAULT_POLICY],
    // 192.118.1.1 to WHATWG, 192.168.1.1 (private) read as decimal.
    ['https://192.0168.1.1/', '0168', DEFAULT_POLICY],
    // Not octal at all (WHATWG fails on 08 and 0169): refused before the parser, with the reason named.
    ['https://08.8.8.8/', '08', DEFAULT_POLICY],
    ['https://0169.254.169.254/', '0169', PERMIT_ALL],
    // An octal dword (017700000001 = 127.0.0.1) and a short form with an octal part.
    ['https://017700000001/', '017700000001', PERMIT_ALL],
    ['https://1.0200401/', '0200401', DEFAULT_POLICY],
  ])('%s -> syntax, naming part %s', (input, part, policy) => {
    const v = checkUrlOffline(input, policy, judgeAddress);
    expect(v).toMatchObject({ verdict: 'invalid', reason: 'syntax', code: 'PROVIDER_BASE_URL_BLOCKED' });
    expect(v.detail).toContain(`IPv4 part "${part}" has a leading zero`);
  });

  it.each([
    ['https://8.8.8.8/', 'allow'],
    ['https://1.0.3.4/', 'allow'],
    ['https://0.0.0.0/', 'block'],
    ['https://10.0.0.1/', 'allow'],
    ['https://0x0a.0.0.1/', 'allow'],
    // A name whose labels start with 0 is not an IPv4 literal (its last label is not a number).
    ['https://01.example.com/', 'allow'],
  ])('%s (no leading-zero number) is judged by its address: %s', (input, verdict) => {
    expect(checkUrlOffline(input, PERMIT_ALL, judgeAddress).verdict).toBe(verdict);
  });
});

describe('code points the URL parser drops or rewrites are ambiguous', () => {
  it.each([
    ['soft hyphen', 'https://bit\u00adbucket.example.com/', 'U+00AD'],
    ['zero-width space', 'https://bitbucket\u200b.example.com/', 'U+200B'],
    ['zero-width non-joiner', 'https://bit\u200cbucket.example.com/', 'U+200C'],
    ['zero-width joiner', 'https://bit\u200dbucket.example.com/', 'U+200D'],
    ['byte order mark', 'https://\ufeffbitbucket.example.com/', 'U+FEFF'],
    ['full-width letter', 'https://\uff42itbucket.example.com/', 'U+FF42'],
    ['full-width full stop', 'https://bitbucket\uff0eexample.com/', 'U+FF0E'],
    ['ideographic full stop', 'https://bitbucket\u3002example.com/', 'U+3002'],
    ['half-width ideographic full stop', 'https://bitbucket\uff61example.com/', 'U+FF61'],
    ['ligature fi', 'https://\ufb01le.example.com/', 'U+FB01'],
    ['Roman numeral one', 'https://\u2160.example.com/', 'U+2160'],
    ['full-width digits in an IPv4 literal', 'https://\uff11\uff12\uff17.0.0.1/', 'U+FF11'],
    ['combining mark that composes (NFD u + U+0308)', 'https://bu\u0308cher.example.com/', 'U+0308'],
    ['capital sharp s (IDNA maps it to "ss")', 'https://\u1e9e.example.com/', 'U+1E9E'],
    ['full-width commercial at (IDNA maps it to "@")', 'https://bitbucket\uff20example.com/', 'U+FF20'],
    ['soft hyphen in a URL with a port and path', 'https://bit\u00adbucket.example.com:8443/bitbucket', 'U+00AD'],
  ])('%s -> syntax, naming %s', (_name, input, cp) => {
    const v = checkUrlOffline(input, PERMIT_ALL, judgeAddress);
    expect(v).toMatchObject({ verdict: 'invalid', reason: 'syntax' });
    expect(v.detail).toContain(cp);
  });

  it('a percent-escape in the host (decoded by the parser) -> syntax', () => {
    const v = checkUrlOffline('https://exa%6dple.com/', PERMIT_ALL, judgeAddress);
    expect(v).toMatchObject({ verdict: 'invalid', reason: 'syntax' });
    expect(v.detail).toContain('percent-escape');
  });

  it.each([
    ['an IDN typed in Unicode', 'https://b\u00fccher.example.com/', 'https://xn--bcher-kva.example.com'],
    ['the same IDN typed in upper case', 'https://B\u00dcCHER.example.com/', 'https://xn--bcher-kva.example.com'],
    ['the IDN typed as punycode', 'https://xn--bcher-kva.example.com/', 'https://xn--bcher-kva.example.com'],
    ['an IDN with combining vowel signs (Devanagari)', 'https://\u0939\u093f\u0928\u094d\u0926\u0940.example.com/', 'https://xn--j2bd4cyah0f.example.com'],
    ['an IDN in Japanese', 'https://\u4f8b\u3048.\u30c6\u30b9\u30c8/', 'https://xn--r8jz45g.xn--zckzah'],
    ['an ASCII name in upper case', 'https://Bitbucket.Example.COM/', 'https://bitbucket.example.com'],
  ])('%s is still allowed, normalised to %s', (_name, input, normalized) => {
    expect(checkUrlOffline(input, PERMIT_ALL, judgeAddress)).toMatchObject({ verdict: 'allow', normalized });
  });
});
