import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../../../shared/contract/progress';
import { createFixedOriginHttpClient } from '../../../../../main/services/providers/common/fixed-origin-client';
import { realSleep } from '../../../../../main/services/net/retry-after';
import { INVALID_TOKEN_MESSAGE } from '../../../../simulators/bitbucket-cloud-sim';
import { savedCloudTarget } from '../../../../support/saved-cloud-target';
import { testApi } from '../../../../support/test-api';
import { urlSafetyPki } from '../../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../../support/url-safety/servers';

// Cancel during a Bitbucket Cloud check: the Cloud calls go through the fixed-origin client, which
// used to ignore the call's signal, so a Cancel took effect only when the request ended (its 15 s
// timeout; here 10 minutes, so the old behaviour cannot pass within the test's time). Against a
// real HTTPS server on loopback (a throw-away CA) that takes the request and never answers: the
// server sees the request closed by the client, the call answers CHECK_CANCELLED, and the record
// keeps the last completed check. And a cancel during a Retry-After wait (a 429 asking for 600 s)
// ends the wait: no retry reaches the server.

const WINDOW = 'webcontents:1';
const TOKEN = 'ATATT-cloud-cancel-test-token';

describe('Cancel of a Bitbucket Cloud check (checks.run)', () => {
  let server: RunningServer;
  let mode: 'refuse' | 'hold' | 'limit' = 'refuse';
  let requests = 0;
  const held: ServerResponse[] = [];
  /** Resolved with the path of the next held request; its `closed` when the client closes it. */
  let nextHeld: (held: { path: string; closed: Promise<void> }) => void = () => undefined;
  let t: ReturnType<typeof testApi>;

  beforeAll(async () => {
    const pki = await urlSafetyPki();
    server = await startHttps(await pki.leaf([], ['127.0.0.1']), (req, res) => {
      requests += 1;
      if (mode === 'limit') {
        // Bitbucket Cloud's 429, as the Cloud simulator answers it: the sentence of Atlassian's rate-limit
        // troubleshooting page (https://support.atlassian.com/bitbucket-cloud/kb/bitbucket-cloud-rate-limit-troubleshooting/).
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '600' });
        res.end(JSON.stringify({ type: 'error', error: { message: 'Rate limit for this resource has been exceeded' } }));
        return;
      }
      if (mode === 'refuse') {
        // Bitbucket Cloud's 401 for a token it does not know, as the Cloud simulator answers it
        // (tests/simulators/bitbucket-cloud-sim.ts names the live answers it quotes).
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { message: INVALID_TOKEN_MESSAGE } }));
        return;
      }
      held.push(res);
      nextHeld({ path: req.url ?? '', closed: new Promise((resolve) => res.once('close', () => resolve())) });
    });
    const origin = `https://127.0.0.1:${server.port}`;
    t = testApi({
      providers: {
        // A timeout far beyond the test's: only the cancel can end the held request in time.
        cloudHttp: createFixedOriginHttpClient({ origins: [origin], ca: pki.caCert, timeoutMs: 600_000 }),
        cloudApiRoot: `${origin}/2.0`,
        sleep: async () => undefined,
        openExternal: async (url) => Promise.reject(new Error(`no browser in this test (${url})`)),
      },
    });
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    await server.close();
    t.cleanup();
  });

  it('closes the held request at once, answers CHECK_CANCELLED and stores nothing', async () => {
    const id = await savedCloudTarget(t, TOKEN);

    // A completed check first: its result is what the record must still hold after the cancel.
    mode = 'refuse';
    expect(await t.api.call('checks.run', { target_id: id })).toMatchObject({ ok: true, value: { record: { checks: { auth: { status: 'rejected' } } } } });
    const before = await t.deps.settings.read();
    if (!before.ok) throw new Error(before.error.message);

    mode = 'hold';
    const heldRequest = new Promise<{ path: string; closed: Promise<void> }>((resolve) => {
      nextHeld = resolve;
    });
    const events: ProgressEvent[] = [];
    const call = t.api.call('checks.run', { target_id: id }, { owner: WINDOW, call_id: 'cloud-cancel-1', progress: (e) => events.push(e) });
    const request = await heldRequest;
    expect(request.path).toBe('/2.0/user');
    expect(await t.api.call('calls.cancel', { call_id: 'cloud-cancel-1' }, { owner: WINDOW })).toEqual({ ok: true, value: { cancelled: true } });
    // The server sees the client close the request (it has no timer of its own: only the cancel can).
    await request.closed;
    expect(await call).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    // One request reached the server: the checks after the cancelled one sent nothing.
    expect(held).toHaveLength(1);
    // The Cloud request's stages, as the Data Center ones are reported: within the Bitbucket check, the HTTP wait cancelled.
    expect(events.filter((e) => e.within === 'bitbucket').map((e) => [e.stage, e.state])).toEqual([
      ['connection', 'started'],
      ['connection', 'passed'],
      ['tls', 'started'],
      ['tls', 'passed'],
      ['http', 'started'],
      ['http', 'cancelled'],
    ]);
    expect(events.find((e) => e.stage === 'http')).toMatchObject({ limit_ms: 600_000, total_limit_ms: 600_000 });
    expect(events.find((e) => e.stage === 'bitbucket' && e.state !== 'started')).toMatchObject({ state: 'cancelled' });
    const after = await t.deps.settings.read();
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.targets).toEqual(before.value.targets);
  }, 30_000);

  it('ends a Retry-After wait at once: no retry is sent, and the call answers CHECK_CANCELLED', async () => {
    // The run's real sleep, and a wait limit that honours Bitbucket's 600 s: only the cancel can end the wait in time.
    const limitedApi = testApi({ providers: { ...t.deps.providers, sleep: realSleep, maxRetryWaitMs: 3_600_000 } });
    const id = await savedCloudTarget(limitedApi, TOKEN);
    mode = 'limit';
    // The 429 read in full (its HTTP stage passed): the client is in its Retry-After wait.
    let read: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      read = resolve;
    });
    const before = requests;
    const progress = (e: ProgressEvent): void => {
      if (e.stage === 'http' && e.state === 'passed') read();
    };
    const call = limitedApi.api.call('checks.run', { target_id: id }, { owner: WINDOW, call_id: 'cloud-cancel-429', progress });
    await answered;
    expect(await limitedApi.api.call('calls.cancel', { call_id: 'cloud-cancel-429' }, { owner: WINDOW })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await call).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    expect(requests).toBe(before + 1);
    limitedApi.cleanup();
  }, 30_000);
});
