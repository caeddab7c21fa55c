import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { APP_PROPS, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki, type UrlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, startResetServer, type RunningServer } from '../../../support/url-safety/servers';

// Each fault against a real server this test starts; each ends in its coded verdict.

const HOST = 'bitbucket.example-corp.com';
const MIB = 1024 * 1024;

describe('faults end in coded verdicts', () => {
  let world: TestWorld;
  let pki: UrlSafetyPki;
  const servers: RunningServer[] = [];
  const timers: NodeJS.Timeout[] = [];

  beforeAll(async () => {
    world = await startWorld();
    pki = await urlSafetyPki();
  });
  afterAll(async () => {
    for (const t of timers) clearInterval(t);
    for (const s of servers) await s.close();
    await world.close();
  });

  const serve = async (handler: (res: ServerResponse) => void, leaf?: { key: string; cert: string }) => {
    const s = await startHttps(leaf ?? (await pki.leaf([HOST], [])), (_req, res) => handler(res), TEST_ADDR);
    servers.push(s);
    return `https://${HOST}:${s.port}`;
  };

  it('connection reset -> unreachable', async () => {
    const s = await startResetServer(TEST_ADDR);
    servers.push(s);
    const r = await probeDataCenter(`https://${HOST}:${s.port}`, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', code: 'PROVIDER_BASE_URL_BLOCKED', reason: 'unreachable' });
    expect(s.connections).toBeGreaterThan(0);
    expect(r.stages.find((x) => x.stage === 'connection')?.status).toBe('failed');
  });

  it('headers never sent -> timeout (headers limit)', async () => {
    const url = await serve(() => undefined);
    const r = await probeDataCenter(url, world.options({ ca: pki.caCert, limits: { headersMs: 300 } }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'timeout' });
    expect(r.detail).toContain('UND_ERR_HEADERS_TIMEOUT');
  });

  it('body trickled forever -> timeout (overall limit)', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"version":"');
      timers.push(setInterval(() => res.write('9'), 50));
    });
    const r = await probeDataCenter(url, world.options({ ca: pki.caCert, limits: { overallMs: 800, bodyIdleMs: 500 } }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'timeout' });
  });

  it('body that stops mid-way -> timeout (body idle limit)', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"version":"');
    });
    const r = await probeDataCenter(url, world.options({ ca: pki.caCert, limits: { bodyIdleMs: 300 } }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'timeout' });
    expect(r.detail).toContain('UND_ERR_BODY_TIMEOUT');
  });

  it.each([true, false])('50 MiB body (content-length declared: %s) -> too_large', async (declared) => {
    const url = await serve((res) => {
      res.writeHead(200, declared ? { 'content-length': String(50 * MIB) } : {});
      const chunk = Buffer.alloc(MIB, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 50 && !res.destroyed) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const r = await probeDataCenter(url, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'too_large' });
  });

  it('self-signed certificate -> tls, then accepted with that certificate as the CA file', async () => {
    const leaf = await pki.selfSigned([HOST]);
    const url = await serve((res) => json(res, 200, APP_PROPS), leaf);
    const blocked = await probeDataCenter(url, world.options());
    expect(blocked).toMatchObject({ verdict: 'block', reason: 'tls' });
    expect(blocked.detail).toContain('SELF_SIGNED');
    expect(blocked.stages.find((x) => x.stage === 'tls')?.status).toBe('failed');
    const accepted = await probeDataCenter(url, world.options({ ca: leaf.cert }));
    expect(accepted).toMatchObject({ verdict: 'allow', api_root: { version: '9.4.2' } });
  });

  it('expired certificate -> tls', async () => {
    const url = await serve((res) => json(res, 200, APP_PROPS), await pki.leaf([HOST], [], true));
    const r = await probeDataCenter(url, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'tls' });
    expect(r.detail).toContain('CERT_HAS_EXPIRED');
  });

  it('certificate for another host name -> tls', async () => {
    const url = await serve((res) => json(res, 200, APP_PROPS), await pki.leaf(['someone-else.example-corp.com'], []));
    const r = await probeDataCenter(url, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'tls' });
    expect(r.detail).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('certificate without the serverAuth purpose (client authentication only) -> tls, not unreachable', async () => {
    const url = await serve((res) => json(res, 200, APP_PROPS), await pki.clientAuthOnly([HOST]));
    const r = await probeDataCenter(url, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'tls' });
    expect(r.detail).toContain('INVALID_PURPOSE');
  });

  it('nothing listening -> unreachable', async () => {
    const s = await startResetServer(TEST_ADDR);
    await s.close();
    const r = await probeDataCenter(`https://${HOST}:${s.port}`, world.options({ ca: pki.caCert }));
    expect(r).toMatchObject({ verdict: 'block', reason: 'unreachable' });
    expect(r.detail).toContain('ECONNREFUSED');
  });
});
