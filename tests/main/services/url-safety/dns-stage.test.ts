import { describe, expect, it } from 'vitest';
import { resolveAndJudge } from '../../../../main/services/url-safety/dns-stage';
import { DEFAULT_POLICY, judgeAddress } from '../../../../main/services/url-safety/policy';
import type { Resolver } from '../../../../main/services/url-safety/resolver';

// Stage 4 against a scripted resolver: lookups that fail, are empty, or answer badly.

const failing = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
const answering = (ips: string[]) => () => Promise.resolve(ips);

const judge = (resolve4: Resolver['resolve4'], resolve6: Resolver['resolve6']) =>
  resolveAndJudge('bitbucket.example-corp.com', { resolver: { resolve4, resolve6 }, policy: DEFAULT_POLICY, judge: judgeAddress });

describe('DNS stage', () => {
  it('passes when every answer is public', async () => {
    expect(await judge(answering(['151.101.64.10']), answering(['2a04:4e42:200::10']))).toMatchObject({ ok: true });
  });

  it('keeps going when only one family fails (SERVFAIL on AAAA)', async () => {
    const r = await judge(answering(['151.101.64.10']), failing('ESERVFAIL'));
    expect(r).toMatchObject({ ok: true, addresses: [{ ip: '151.101.64.10' }] });
  });

  it('still blocks a bad answer in the family that did answer', async () => {
    expect(await judge(answering(['151.101.64.10', '169.254.169.254']), failing('ETIMEOUT'))).toMatchObject({ ok: false, reason: 'reserved_ip' });
  });

  it.each([
    ['both fail', failing('ETIMEOUT'), failing('ETIMEOUT')],
    ['no such name', failing('ENOTFOUND'), failing('ENOTFOUND')],
    ['no records', failing('ENODATA'), answering([])],
    ['one fails, other empty', failing('ESERVFAIL'), failing('ENODATA')],
  ])('%s is dns', async (_why, r4, r6) => {
    expect(await judge(r4, r6)).toMatchObject({ ok: false, reason: 'dns', stage: 'dns' });
  });

  it('an unparseable answer is reserved, never allowed', async () => {
    expect(await judge(answering(['not-an-ip']), answering([]))).toMatchObject({ ok: false, reason: 'reserved_ip' });
  });
});
