import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { startConnectProxy, type RunningProxy } from '../../../support/url-safety/connect-proxy';
import { APP_PROPS, json, startWorld, TEST_ADDR, type TestWorld } from '../../../support/url-safety/fixture';
import { urlSafetyPki, type Leaf, type UrlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps, type RunningServer } from '../../../support/url-safety/servers';

// An inherited NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks for any TLS connection
// that leaves `rejectUnauthorized` unset. With it set, every TLS fault still ends in `tls`, on the
// pinned direct path and through a CONNECT proxy (undici's ProxyAgent `requestTls`).

const HOST = 'bitbucket.example-corp.com';

describe('NODE_TLS_REJECT_UNAUTHORIZED=0 changes no TLS verdict', () => {
  let world: TestWorld;
  let pki: UrlSafetyPki;
  let proxy: RunningProxy;
  const servers: RunningServer[] = [];
  let saved: string | undefined;

  beforeAll(async () => {
    world = await startWorld();
    pki = await urlSafetyPki();
    proxy = await startConnectProxy(TEST_ADDR);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await proxy.close();
    await world.close();
  });
  beforeEach(() => {
    saved = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = saved;
  });

  const faults: Array<[string, () => Promise<Leaf>, string]> = [
    ['self-signed (no CA vouches for it)', () => pki.selfSigned([HOST]), 'SELF_SIGNED'],
    ['expired', () => pki.leaf([HOST], [], true), 'CERT_HAS_EXPIRED'],
    ['for another host name', () => pki.leaf(['someone-else.example-corp.com'], []), 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ];

  it.each(faults.flatMap(([name, leaf, code]) => [[name, 'direct', leaf, code] as const, [name, 'through a proxy', leaf, code] as const]))(
    '%s certificate, %s -> tls',
    async (_name, path, leaf, code) => {
      const s = await startHttps(await leaf(), (_req, res) => json(res, 200, APP_PROPS), TEST_ADDR);
      servers.push(s);
      const env = path === 'through a proxy' ? { HTTPS_PROXY: proxy.url } : {};
      const r = await probeDataCenter(`https://${HOST}:${s.port}`, world.options({ ca: pki.caCert, env }));
      expect(r).toMatchObject({ verdict: 'block', reason: 'tls' });
      expect(r.detail).toContain(code);
      expect(r.api_root ?? null).toBeNull();
    },
  );
});
