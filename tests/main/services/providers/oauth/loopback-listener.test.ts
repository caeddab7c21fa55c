import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startLoopbackListener } from '../../../../../main/services/providers/oauth/loopback-listener';

const get = async (url: string): Promise<number> => {
  const r = await request(url);
  await r.body.text();
  return r.statusCode;
};

describe('the one-shot OAuth redirect listener', () => {
  it('listens on 127.0.0.1 only, ignores other paths, takes the first matching answer and closes', async () => {
    const l = await startLoopbackListener({ expectedState: 'S1', timeoutMs: 10_000 });
    const base = new URL(l.redirectUri);
    expect(base.hostname).toBe('127.0.0.1');
    expect(await get(`${base.origin}/favicon.ico`)).toBe(404);
    expect(await get(`${l.redirectUri}?code=abc&state=S1`)).toBe(200);
    expect(await l.outcome).toEqual({ ok: true, code: 'abc' });
    await expect(get(`${l.redirectUri}?code=again&state=S1`)).rejects.toThrow();
  });

  it.each([
    ['a wrong state', '?code=abc&state=other', 'state_mismatch', 400],
    ['no state', '?code=abc', 'state_mismatch', 400],
    ['the user denied access', '?error=access_denied&state=S1', 'denied', 200],
    ['no code', '?state=S1', 'no_code', 400],
  ])('%s ends the flow', async (_n, query, reason, status) => {
    const l = await startLoopbackListener({ expectedState: 'S1', timeoutMs: 10_000 });
    expect(await get(`${l.redirectUri}${query}`)).toBe(status);
    expect(await l.outcome).toMatchObject({ ok: false, reason });
  });

  it('times out when nothing comes back, and close() is safe afterwards', async () => {
    const l = await startLoopbackListener({ expectedState: 'S1', timeoutMs: 50 });
    expect(await l.outcome).toMatchObject({ ok: false, reason: 'timeout' });
    await l.close();
  });
});
