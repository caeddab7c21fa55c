import { describe, expect, it } from 'vitest';
import { checkUrlOffline } from '../../../../main/services/url-safety/offline-check';
import { DEFAULT_POLICY, judgeAddress } from '../../../../main/services/url-safety/policy';

// WHATWG reads leading-zero IPv4 parts as octal; some parsers (and people) read them as decimal.
// A typed spelling is allowed only when both readings are public.
describe('ambiguous leading-zero IPv4 spellings', () => {
  it.each([
    ['https://0127.0.0.1/', '87.0.0.1 to WHATWG, 127.0.0.1 (loopback) read as decimal'],
    ['https://010.8.8.8/', '8.8.8.8 to WHATWG, 10.8.8.8 (private) read as decimal'],
    ['https://0169.254.169.254/', '0169 is not octal (WHATWG fails) — invalid, never allowed'],
    ['https://192.0168.1.1/', '192.118.1.1 to WHATWG, 192.168.1.1 (private) read as decimal'],
  ])('%s is never allowed (%s)', (input) => {
    expect(checkUrlOffline(input, DEFAULT_POLICY, judgeAddress).verdict).not.toBe('allow');
  });

  it('a leading-zero spelling whose both readings are public stays allowed', () => {
    // 010.1.2.3 → WHATWG 8.1.2.3; decimal 10.1.2.3 is private, so pick one that is public both ways.
    expect(checkUrlOffline('https://08.8.8.8/', DEFAULT_POLICY, judgeAddress).verdict).toBe('invalid');
    expect(checkUrlOffline('https://1.02.3.4/', DEFAULT_POLICY, judgeAddress).verdict).toBe('allow');
  });
});
