import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_CONCURRENCY, probeMany } from '../../../../main/services/network-check/probe-many';
import { APP_PROPS, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki, type UrlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

describe('probeMany', () => {
  let world: TestWorld;
  let pki: UrlSafetyPki;
  let server: RunningServer;
  let inFlight = 0;
  let peak = 0;
  let holdFor = 0;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    world = await startWorld();
    pki = await urlSafetyPki();
    server = await startHttps(await pki.leaf(['*.example-corp.com'], []), (req, res) => {
      const answer = (): void => {
        inFlight -= 1;
        if (req.url === '/rest/api/1.0/application-properties') json(res, 200, APP_PROPS);
        else json(res, 404, {});
      };
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      if (holdFor === 0) {
        answer();
        return;
      }
      // Held until `holdFor` requests are open at once (then a grace period in which a probe
      // beyond the limit would show up): the wave is visible without relying on timing.
      held.push(answer);
      if (held.length === holdFor) {
        const wave = held.splice(0);
        setTimeout(() => wave.forEach((f) => f()), 50);
      }
    }, TEST_ADDR);
  });
  afterAll(async () => {
    await server.close();
    await world.close();
  });

  const url = (name: string): string => `https://${name}.example-corp.com:${server.port}`;

  it('answers one result per input, in input order', async () => {
    const inputs = [url('a'), 'http://plain.example-corp.com', url('b'), 'https://127.0.0.1/'];
    const results = await probeMany(inputs, world.options({ ca: pki.caCert }));
    expect(results.map((r) => r.input)).toEqual(inputs);
    expect(results.map((r) => r.verdict)).toEqual(['allow', 'block', 'allow', 'block']);
  });

  it('never runs more probes at once than the concurrency, and uses all of it', async () => {
    peak = 0;
    holdFor = 3;
    const inputs = Array.from({ length: 9 }, (_, i) => url(`c${i}`));
    const results = await probeMany(inputs, world.options({ ca: pki.caCert }), 3);
    holdFor = 0;
    expect(results.every((r) => r.verdict === 'allow')).toBe(true);
    expect(peak).toBe(3);
  });

  it('probes a repeated base URL once and gives every copy its result', async () => {
    const before = server.seen.length;
    const results = await probeMany([url('same'), url('same'), url('same')], world.options({ ca: pki.caCert }));
    expect(results.map((r) => r.verdict)).toEqual(['allow', 'allow', 'allow']);
    expect(server.seen.length - before).toBe(1);
  });

  it('has a default concurrency that leaves DNS and the server room', () => {
    expect(DEFAULT_PROBE_CONCURRENCY).toBeGreaterThan(1);
    expect(DEFAULT_PROBE_CONCURRENCY).toBeLessThanOrEqual(64);
  });
});
