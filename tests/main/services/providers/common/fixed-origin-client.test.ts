import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProxyEnv } from '../../../../../main/services/net/proxy-env';
import { createFixedOriginHttpClient } from '../../../../../main/services/providers/common/fixed-origin-client';
import { startHttpsSim, type RunningSim } from '../../../../simulators/https-sim';

let sim: RunningSim;
let proxy: Server;
let proxyUrl = '';
const connects: string[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  sim = await startHttpsSim((req) => (req.path === '/big' ? { status: 200, text: 'x'.repeat(4096) } : { status: 200, body: { ok: true, auth: req.headers.authorization ?? null } }));
  // A minimal CONNECT proxy on loopback: it only tunnels bytes, it never sees inside TLS.
  proxy = createServer();
  proxy.on('connect', (req, client: Socket) => {
    connects.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
    }
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => proxy.close(() => r()));
  await sim.close();
});

describe('the fixed-origin client', () => {
  it('answers from an allowed origin, trusting the given CA', async () => {
    const r = await createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert })({ url: `${sim.origin}/x` });
    expect(r.ok && r.response.status).toBe(200);
  });

  it.each([
    ['another origin', 'https://evil.example/2.0/user', 'ownership'],
    ['plain http', 'http://127.0.0.1:1/x', 'scheme'],
    ['user info', 'https://u:p@127.0.0.1/x', 'userinfo'],
    ['no URL', 'not a url', 'syntax'],
  ])('refuses %s unsent', async (_n, url, reason) => {
    const r = await createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert })({ url });
    expect(r.ok ? 'sent' : r.reason).toBe(reason);
  });

  it('a certificate from an unknown CA is a tls failure', async () => {
    const r = await createFixedOriginHttpClient({ origins: [sim.origin] })({ url: `${sim.origin}/x` });
    expect(r.ok ? 'sent' : r.reason).toBe('tls');
  });

  it('caps the body size', async () => {
    const r = await createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert, maxBytes: 1024 })({ url: `${sim.origin}/big` });
    expect(r.ok ? 'sent' : r.reason).toBe('too_large');
  });

  it('goes through HTTPS_PROXY with a CONNECT tunnel (TLS end to end), and around it for NO_PROXY', async () => {
    const viaProxy = createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert, proxy: parseProxyEnv({ HTTPS_PROXY: proxyUrl }) });
    const r = await viaProxy({ url: `${sim.origin}/x`, headers: { authorization: 'Bearer tunnel-only' } });
    expect(r.ok && r.response.status).toBe(200);
    expect(r.evidence.via_proxy).toBe(true);
    expect(connects).toEqual([new URL(sim.origin).host]);
    const bypass = createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert, proxy: parseProxyEnv({ HTTPS_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' }) });
    const b = await bypass({ url: `${sim.origin}/x` });
    expect(b.ok && b.evidence.via_proxy).toBe(false);
    expect(connects).toHaveLength(1);
  });

  it('with a malformed HTTPS_PROXY nothing is sent, neither through a proxy nor around it', async () => {
    const before = sim.exchanges.length;
    const r = await createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert, proxy: parseProxyEnv({ HTTPS_PROXY: 'http://[proxy.corp:3128' }) })({ url: `${sim.origin}/x` });
    expect(r).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(r.ok ? '' : r.detail).toMatch(/^PROXY_CONFIG_INVALID: HTTPS_PROXY is not usable/u);
    expect(sim.exchanges.length).toBe(before);
  });

  // A request of a long call has a connection of its own (fixed-origin-dispatcher.ts): verification holds there too.
  const ofCall = { signal: new AbortController().signal, report: () => undefined };
  it.each([
    ['directly', (): Record<string, string> => ({}), undefined],
    ['through HTTPS_PROXY', (): Record<string, string> => ({ HTTPS_PROXY: proxyUrl }), undefined],
    ['directly, within a long call', (): Record<string, string> => ({}), ofCall],
    ['through HTTPS_PROXY, within a long call', (): Record<string, string> => ({ HTTPS_PROXY: proxyUrl }), ofCall],
  ])('with NODE_TLS_REJECT_UNAUTHORIZED=0 inherited, an unknown CA is still a tls failure (%s), and no header is sent', async (_n, env, call) => {
    const saved = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    try {
      const before = sim.exchanges.length;
      const r = await createFixedOriginHttpClient({ origins: [sim.origin], proxy: parseProxyEnv(env()) })({ url: `${sim.origin}/x`, headers: { authorization: 'Bearer mitm-bait' }, ...(call === undefined ? {} : { call }) });
      expect(r.ok ? 'sent' : r.reason).toBe('tls');
      expect(sim.exchanges.length).toBe(before);
    } finally {
      if (saved === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = saved;
    }
  });
});
