import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withProgress } from '../../../main/cli/progress-call';
import type { StatusLine } from '../../../main/cli/progress-line';
import { DEFAULT_LIMITS } from '../../../main/services/net/limits';
import { startWorld, TEST_ADDR, type TestWorld } from '../../support/url-safety/fixture';
import { startSilentServer, type SilentServer } from '../../support/url-safety/servers';
import { fakeIO } from './fake-io';

// The progress line on a terminal: one line redrawn in place while a stage runs (its clock
// moving), wiped before the answer; Ctrl-C cancels the call. The line-per-change form for pipes
// is tested through the probe command (commands/probe.test.ts).

const HOST = 'bitbucket.example-corp.com';

describe('withProgress on a terminal', () => {
  let world: TestWorld;
  let silent: SilentServer;
  beforeAll(async () => {
    world = await startWorld();
    silent = await startSilentServer(TEST_ADDR);
  });
  afterAll(async () => {
    await silent.close();
    await world.close();
  });

  it('on a terminal the line is redrawn in place while the stage runs, then wiped before the result', async () => {
    const shown: string[] = [];
    let cleared = 0;
    const status: StatusLine = { tty: true, show: (text) => shown.push(text), clear: () => (cleared += 1) };
    const f = fakeIO({ status }, { network: world.network });
    const client = f.io.client();
    const endedBefore = silent.ended;
    const r = await withProgress(f.io, client, 'probe', async (options) => {
      const call = client['url.probe']({ base_url: `https://${HOST}:${silent.port}` }, options);
      // Let the line's clock move a few times during the TLS wait, then cancel.
      await new Promise((res) => setTimeout(res, 700));
      f.abort();
      return call;
    });
    f.cleanup();
    await silent.endedAt(endedBefore + 1);
    expect(r).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    const tls = shown.filter((s) => s.startsWith('probe: TLS handshake… '));
    expect(tls.length).toBeGreaterThanOrEqual(2);
    expect(tls.at(-1)).toMatch(new RegExp(`^probe: TLS handshake… \\d+\\.\\d s of ${(DEFAULT_LIMITS.connectMs / 1000).toFixed(1)} s limit; whole check \\d+\\.\\d s of ${(DEFAULT_LIMITS.overallMs / 1000).toFixed(1)} s$`, 'u'));
    expect(cleared).toBeGreaterThanOrEqual(1);
  });
});
