import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PROPS, json, startWorld, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, startSilentServer, type RunningServer, type SilentServer } from '../../../support/url-safety/servers';
import { DEFAULT_LIMITS } from '../../../../main/services/net/limits';
import { expectUsageError } from '../cli-expect';
import { fakeIO } from '../fake-io';

// The probe command against a self-signed server: blocked, then accepted with --ca.

const HOST = 'bitbucket.example-corp.com';

describe('probe command', () => {
  let world: TestWorld;
  let server: RunningServer;
  let dir: string;
  let caFile: string;
  /** Accepts and never answers: a TLS handshake that never completes. */
  let silent: SilentServer;

  beforeAll(async () => {
    world = await startWorld();
    const pki = await urlSafetyPki();
    const leaf = await pki.selfSigned([HOST]);
    server = await startHttps(leaf, (_req, res) => json(res, 200, APP_PROPS), '127.0.0.2');
    silent = await startSilentServer('127.0.0.2');
    dir = mkdtempSync(join(tmpdir(), 'bts-probe-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, leaf.cert);
  });
  afterAll(async () => {
    await server.close();
    await silent.close();
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (args: string[]) => {
    const f = fakeIO({}, { network: world.network });
    try {
      return await f.run(['probe', ...args]);
    } finally {
      f.cleanup();
    }
  };

  it('blocks a self-signed certificate (exit 3), then accepts it with --ca (exit 0)', async () => {
    const url = `https://${HOST}:${server.port}`;
    const blocked = await run([url, '--json']);
    expect(blocked.code).toBe(3);
    expect(JSON.parse(blocked.out[0] ?? '')).toMatchObject({ verdict: 'block', reason: 'tls', tls: null });
    const ok = await run([url, '--json', '--ca', caFile]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out[0] ?? '')).toMatchObject({ verdict: 'allow', api_root: { displayName: 'Bitbucket' }, redirects: [] });
  });

  it('prints one row per stage with timings without --json', async () => {
    const { out } = await run([`https://${HOST}:${server.port}`, '--ca', caFile]);
    expect(out[0]).toMatch(/^allow /u);
    expect(out.slice(1).map((l) => l.trim().split(/\s+/u)[0])).toEqual(['syntax', 'dns', 'addresses', 'policy', 'connection', 'tls', 'redirects', 'api_root']);
    expect(out.every((l, i) => i === 0 || / ms /u.test(l))).toBe(true);
  });

  it('an invalid base URL exits 3 without touching the network', async () => {
    const asked = world.dns.questions.length;
    const r = await run(['https:/bitbucket.example-corp.com', '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({ verdict: 'invalid', reason: 'syntax' });
    expect(world.dns.questions.length).toBe(asked);
  });

  it.each([
    [[], /exactly one BASE_URL/],
    [['a', 'b'], /exactly one BASE_URL/],
    [['https://x.example-corp.com', '--timeout-ms', '0'], /--timeout-ms must be a whole number from 100 to 120000/],
    [['https://x.example-corp.com', '--timeout-ms', '120001'], /--timeout-ms must be a whole number from 100 to 120000/],
    [['https://x.example-corp.com', '--bogus'], /Unknown option '--bogus'/],
    [['https://x.example-corp.com', '--ca', '/nonexistent/ca.pem'], /--ca: CA_FILE_INVALID: .*\/nonexistent\/ca.pem could not be read \(ENOENT\)/],
    [['https://x.example-corp.com', '--ca', 'GARBAGE'], /--ca: CA_FILE_INVALID: .*no PEM certificate/],
    [['https://x.example-corp.com', '--ca', 'NOT_X509'], /--ca: CA_FILE_INVALID: .*does not parse as X.509/],
  ])('usage error %j exits 2 with one hint line', async (args, message) => {
    const files: Record<string, string> = { GARBAGE: 'not a certificate at all\n', NOT_X509: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' };
    const real = args.map((a) => {
      const body = files[a];
      if (body === undefined) return a;
      const path = join(dir, `${a}.pem`);
      writeFileSync(path, body);
      return path;
    });
    expectUsageError(await run(real), 'probe', message);
  });

  // The progress line: stderr only (stdout keeps the one result), one line per stage change when
  // stderr is not a terminal, and Ctrl-C cancelling the running probe through calls.cancel.
  it('probe --json: stdout is the one JSON result, stderr one line per stage change with elapsed and limit', async () => {
    const r = await run([`https://${HOST}:${server.port}`, '--json', '--ca', caFile]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({ verdict: 'allow' });
    const limit = (ms: number): string => `(limit ${(ms / 1000).toFixed(1)} s)`;
    expect(r.err).toEqual([
      expect.stringMatching(new RegExp(`^probe: Resolving the host name \\(DNS\\): running at \\d+\\.\\d s \\${limit(DEFAULT_LIMITS.overallMs).slice(0, -1)}\\)$`, 'u')),
      expect.stringMatching(/^probe: Resolving the host name \(DNS\): done after \d+\.\d s$/u),
      expect.stringContaining(`probe: Opening the connection (TCP): running at`),
      expect.stringMatching(/^probe: Opening the connection \(TCP\): done after/u),
      expect.stringContaining(`probe: TLS handshake: running at`),
      expect.stringMatching(/^probe: TLS handshake: done after/u),
      expect.stringContaining(`probe: Waiting for the HTTP answer: running at`),
      expect.stringMatching(/^probe: Waiting for the HTTP answer: done after/u),
    ]);
    expect(r.err[2]).toContain(limit(DEFAULT_LIMITS.connectMs));
    expect(r.err[6]).toContain(limit(DEFAULT_LIMITS.headersMs));
    // No carriage-return redraws when stderr is not a terminal.
    expect(r.err.join('\n')).not.toContain('\r');
  });

  it('Ctrl-C during a TLS handshake that never completes cancels the probe: the socket closes, the answer is CHECK_CANCELLED', async () => {
    const f = fakeIO({}, { network: world.network });
    const endedBefore = silent.ended;
    const running = f.run(['probe', `https://${HOST}:${silent.port}`, '--json']);
    const until = Date.now() + 5_000;
    while (!f.stderr.some((l) => l.startsWith('probe: TLS handshake: running')) && Date.now() < until) await new Promise((res) => setTimeout(res, 10));
    const pressed = Date.now();
    f.abort();
    const r = await running;
    f.cleanup();
    expect(Date.now() - pressed).toBeLessThan(1_000);
    await silent.endedAt(endedBefore + 1);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toContainEqual(expect.stringMatching(/^probe: TLS handshake: cancelled after \d+\.\d s$/u));
    expect(r.err.at(-1)).toMatch(/^probe: CHECK_CANCELLED: /u);
  });

});
