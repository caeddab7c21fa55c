import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../../shared/contract/progress';
import { createFixedOriginHttpClient } from '../../../../main/services/providers/common/fixed-origin-client';
import { parseProxyEnv } from '../../../../main/services/net/proxy-env';
import { savedCloudTarget } from '../../../support/saved-cloud-target';
import { testApi } from '../../../support/test-api';
import { startWorld, TEST_ADDR, TEST_PERMIT, type TestWorld } from '../../../support/url-safety/fixture';
import { startSilentServer, type SilentServer } from '../../../support/url-safety/servers';
import { testNetwork } from '../../../support/url-safety/test-network';

// Cancel while an HTTPS_PROXY has taken the TCP connection and read the CONNECT line but not
// answered it. The Data Center tunnel (proxy-tunnel.ts) used to keep that socket until its connect
// limit; the Bitbucket Cloud path (undici's ProxyAgent) until undici's 300 s wait for the proxy's
// answer — the request's abort signal reaches neither. The limits here are 10 minutes, so only the
// cancel can close the socket within the test's time: the proxy sees its client go, and the call
// answers CHECK_CANCELLED. Without a cancel, the limit closes the socket as well.

const HOST = 'bitbucket.example-corp.com';
const WINDOW = 'webcontents:1';
const LONG = 600_000;

describe('Cancel while a proxy holds the CONNECT unanswered', () => {
  let world: TestWorld;
  let proxy: SilentServer;

  beforeAll(async () => {
    world = await startWorld();
    proxy = await startSilentServer('127.0.0.1');
  });
  afterAll(async () => {
    await proxy.close();
    await world.close();
  });

  /** An api whose Cloud client goes through the silent proxy, with a saved Cloud target. The origin is never reached: no tunnel opens. */
  const cloudThroughProxy = async (timeoutMs: number, token: string) => {
    const origin = 'https://127.0.0.1:9';
    const t = testApi({
      providers: {
        cloudHttp: createFixedOriginHttpClient({ origins: [origin], proxy: parseProxyEnv({ HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` }), timeoutMs }),
        cloudApiRoot: `${origin}/2.0`,
        sleep: async () => undefined,
        openExternal: async (url) => Promise.reject(new Error(`no browser in this test (${url})`)),
      },
    });
    return { t, id: await savedCloudTarget(t, token) };
  };

  const named = (call_id: string, events: ProgressEvent[]) => ({ owner: WINDOW, call_id, progress: (e: ProgressEvent) => events.push(e) });

  it('Data Center: the tunnel to the checked address is closed at once and the call answers CHECK_CANCELLED', async () => {
    const network = testNetwork({ resolver: world.resolver, permit: TEST_PERMIT, env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` }, limits: { connectMs: LONG, headersMs: LONG, overallMs: LONG } });
    const t = testApi({ network });
    const events: ProgressEvent[] = [];
    const [heard, ended] = [proxy.heard.length, proxy.ended];
    const call = t.api.call('url.probe', { base_url: `https://${HOST}:8443/bb` }, named('dc-proxy-cancel-1', events));
    await proxy.heardAt(heard + 1);
    // The tunnel goes to the address that was checked, not to the name.
    expect(proxy.heard[heard]).toBe(`CONNECT ${TEST_ADDR}:8443 HTTP/1.1`);
    expect(await t.api.call('calls.cancel', { call_id: 'dc-proxy-cancel-1' }, { owner: WINDOW })).toEqual({ ok: true, value: { cancelled: true } });
    await proxy.endedAt(ended + 1);
    expect(await call).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    expect(events.filter((e) => e.stage === 'connection').map((e) => e.state)).toEqual(['started', 'cancelled']);
    t.cleanup();
  }, 30_000);

  it('Bitbucket Cloud: the CONNECT through the ProxyAgent is closed at once, the call answers CHECK_CANCELLED and stores nothing', async () => {
    const { t, id } = await cloudThroughProxy(LONG, 'ATATT-proxy-cancel-token');
    const before = await t.deps.settings.read();
    if (!before.ok) throw new Error(before.error.message);

    const events: ProgressEvent[] = [];
    const [heard, ended] = [proxy.heard.length, proxy.ended];
    const call = t.api.call('checks.run', { target_id: id }, named('cloud-proxy-cancel-1', events));
    await proxy.heardAt(heard + 1);
    expect(proxy.heard[heard]).toBe('CONNECT 127.0.0.1:9 HTTP/1.1');
    expect(await t.api.call('calls.cancel', { call_id: 'cloud-proxy-cancel-1' }, { owner: WINDOW })).toEqual({ ok: true, value: { cancelled: true } });
    await proxy.endedAt(ended + 1);
    expect(await call).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    // One CONNECT in all: the checks after the cancelled request sent nothing.
    expect(proxy.heard).toHaveLength(heard + 1);
    expect(events.filter((e) => e.within === 'bitbucket').map((e) => [e.stage, e.state])).toEqual([
      ['connection', 'started'],
      ['connection', 'cancelled'],
    ]);
    const after = await t.deps.settings.read();
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.targets).toEqual(before.value.targets);
    t.cleanup();
  }, 30_000);

  // Without a cancel, the limit closes the socket too: the tunnel's sockets used to be left open
  // after its connect limit answered, and the Cloud ProxyAgent waited undici's 300 s for CONNECT.
  it('Data Center: at the connect limit the tunnel is closed as well, not left open', async () => {
    const network = testNetwork({ resolver: world.resolver, permit: TEST_PERMIT, env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` }, limits: { connectMs: 300, headersMs: LONG, overallMs: LONG } });
    const t = testApi({ network });
    const ended = proxy.ended;
    const r = await t.api.call('url.probe', { base_url: `https://${HOST}:8443/bb` });
    expect(r).toMatchObject({ ok: true, value: { verdict: 'block', reason: 'timeout', via_proxy: true } });
    await proxy.endedAt(ended + 1);
    t.cleanup();
  }, 30_000);

  it('Bitbucket Cloud: an unanswered CONNECT ends at the client\'s own limit, and the proxy sees the socket closed', async () => {
    const { t, id } = await cloudThroughProxy(500, 'ATATT-proxy-limit-token');
    const ended = proxy.ended;
    const r = await t.api.call('checks.run', { target_id: id });
    expect(r).toMatchObject({ ok: true, value: { findings: expect.arrayContaining([expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE' })]) } });
    await proxy.endedAt(ended + 1);
    t.cleanup();
  }, 30_000);
});
