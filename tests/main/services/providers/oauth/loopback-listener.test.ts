import { request as httpRequest, createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOAuthCallbackUrl, type OAuthCallback } from '../../../../../shared/domain/oauth-callback';
import { startLoopbackListener, type IgnoredRequest, type LoopbackListener } from '../../../../../main/services/providers/oauth/loopback-listener';
import { freeLoopbackPort } from '../../../../support/free-port';

// The OAuth redirect listener on the registered callback URL, and the attacks of issue 12 §6: any
// process on this machine can call it, so a wrong state, Host or path must not end the sign-in.

const callbackOn = (url: string): OAuthCallback => {
  const p = parseOAuthCallbackUrl(url);
  if (!p.ok) throw new Error(p.message);
  return p.value;
};

/** A GET with a chosen Host header, as a local attacker (or a page using DNS rebinding) would send. */
const get = (port: number, path: string, host: string, address = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = httpRequest({ host: address, port, path, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });

const open: LoopbackListener[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

const listen = async (url: string, timeoutMs = 10_000) => {
  const ignored: IgnoredRequest[] = [];
  const started = await startLoopbackListener({ callback: callbackOn(url), expectedState: 'S1', timeoutMs, onIgnored: (i) => ignored.push(i) });
  if (!started.ok) throw new Error(started.error.message);
  open.push(started.value);
  return { l: started.value, ignored };
};

const pending = async (outcome: Promise<unknown>): Promise<boolean> =>
  Promise.race([outcome.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 50))]);

describe('the OAuth redirect listener on the registered callback URL', () => {
  it('listens exactly there: that host, port and path; redirectUri is the registered URL', async () => {
    const port = await freeLoopbackPort();
    const { l } = await listen(`http://127.0.0.1:${port}/bts/callback`);
    expect(l.redirectUri).toBe(`http://127.0.0.1:${port}/bts/callback`);
    expect(await get(port, '/callback?code=abc&state=S1', `127.0.0.1:${port}`)).toBe(404);
    expect(await get(port, '/bts/callback?code=abc&state=S1', `127.0.0.1:${port}`)).toBe(200);
    expect(await l.outcome).toEqual({ ok: true, code: 'abc' });
  });

  it('a localhost callback answers on localhost:PORT', async () => {
    const port = await freeLoopbackPort();
    const { l } = await listen(`http://localhost:${port}/callback`);
    expect(await get(port, '/callback?code=xyz&state=S1', `localhost:${port}`)).toBe(200);
    expect(await l.outcome).toEqual({ ok: true, code: 'xyz' });
  });

  it('a port held by another program: OAUTH_CALLBACK_PORT_BUSY naming the port', async () => {
    const port = await freeLoopbackPort();
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(port, '127.0.0.1', r));
    try {
      const r = await startLoopbackListener({ callback: callbackOn(`http://127.0.0.1:${port}/callback`), expectedState: 'S1', timeoutMs: 1000 });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ code: 'OAUTH_CALLBACK_PORT_BUSY', details: { port, address: '127.0.0.1', errno: 'EADDRINUSE' } });
        expect(r.error.message).toContain(`Port ${port}`);
      }
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  });

  it.each([
    ['the user denied access', '?error=access_denied&state=S1', 'denied', 200],
    ['no code', '?state=S1', 'no_code', 400],
  ])('with the right state, %s ends the flow', async (_n, query, reason, status) => {
    const port = await freeLoopbackPort();
    const { l } = await listen(`http://127.0.0.1:${port}/callback`);
    expect(await get(port, `/callback${query}`, `127.0.0.1:${port}`)).toBe(status);
    expect(await l.outcome).toMatchObject({ ok: false, reason });
  });

  it('times out when nothing comes back, and close() is safe afterwards', async () => {
    const port = await freeLoopbackPort();
    const { l } = await listen(`http://127.0.0.1:${port}/callback`, 50);
    expect(await l.outcome).toMatchObject({ ok: false, reason: 'timeout' });
  });
});

describe('attacks on the listener from this machine (issue 12 §6)', () => {
  it.each([
    ['a wrong state', '/callback?code=attacker-code&state=forged', (p: number) => `127.0.0.1:${p}`, 400, 'state_mismatch'],
    ['no state', '/callback?code=attacker-code', (p: number) => `127.0.0.1:${p}`, 400, 'state_mismatch'],
    ['an error with a wrong state (a forged cancel)', '/callback?error=access_denied&state=forged', (p: number) => `127.0.0.1:${p}`, 400, 'state_mismatch'],
    ['a rebinding host name', '/callback?code=c&state=S1', (p: number) => `evil.example:${p}`, 421, 'wrong_host'],
    ['localhost when 127.0.0.1 is registered', '/callback?code=c&state=S1', (p: number) => `localhost:${p}`, 421, 'wrong_host'],
    ['another port in Host', '/callback?code=c&state=S1', (p: number) => `127.0.0.1:${p + 1}`, 421, 'wrong_host'],
    ['another path', '/other?code=c&state=S1', (p: number) => `127.0.0.1:${p}`, 404, 'wrong_path'],
  ] as const)('%s is refused, logged as a fact, and the sign-in keeps waiting for the real answer', async (_n, path, host, status, reason) => {
    const port = await freeLoopbackPort();
    const { l, ignored } = await listen(`http://127.0.0.1:${port}/callback`);
    expect(await get(port, path, host(port))).toBe(status);
    expect(await pending(l.outcome)).toBe(true);
    expect(ignored).toEqual([{ reason }]);
    // What the sender wrote (its code, state or host) is never handed on.
    expect(JSON.stringify(ignored)).not.toMatch(/attacker-code|forged|evil/);
    expect(await get(port, '/callback?code=real-code&state=S1', `127.0.0.1:${port}`)).toBe(200);
    expect(await l.outcome).toEqual({ ok: true, code: 'real-code' });
  });

  it('a flood of wrong states does not end the sign-in before its timeout', async () => {
    const port = await freeLoopbackPort();
    const { l, ignored } = await listen(`http://127.0.0.1:${port}/callback`);
    for (let i = 0; i < 20; i += 1) expect(await get(port, `/callback?code=x&state=guess-${i}`, `127.0.0.1:${port}`)).toBe(400);
    expect(ignored).toHaveLength(20);
    expect(await pending(l.outcome)).toBe(true);
  });

  it('after the answer the listener is closed: nothing more is accepted', async () => {
    const port = await freeLoopbackPort();
    const { l } = await listen(`http://127.0.0.1:${port}/callback`);
    expect(await get(port, '/callback?code=abc&state=S1', `127.0.0.1:${port}`)).toBe(200);
    await l.outcome;
    await l.close();
    await expect(get(port, '/callback?code=again&state=S1', `127.0.0.1:${port}`)).rejects.toThrow();
  });
});
