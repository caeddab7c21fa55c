import { describe, expect, it } from 'vitest';
import { mapNetworkError } from '../../../../main/services/net/error-map';
import { pinnedConnector, pinnedLookup, PinViolation } from '../../../../main/services/net/pinned-connector';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { startHttps } from '../../../support/url-safety/servers';

const ask = (host: string, all: boolean) =>
  new Promise<{ err: Error | null; address: unknown; family: unknown }>((resolve) => {
    pinnedLookup('bitbucket.example-corp.com', [
      { ip: '127.0.0.2', family: 4 },
      { ip: '::1', family: 6 },
    ])(host, { all }, (err, address, family) => resolve({ err, address, family }));
  });

describe('pinned lookup', () => {
  it('answers the checked host with every checked address as an array when asked with all: true', async () => {
    const r = await ask('bitbucket.example-corp.com', true);
    expect(r.err).toBeNull();
    expect(r.address).toEqual([
      { address: '127.0.0.2', family: 4 },
      { address: '::1', family: 6 },
    ]);
  });

  it('answers the first checked address otherwise', async () => {
    expect(await ask('Bitbucket.Example-Corp.com.', false)).toMatchObject({ err: null, address: '127.0.0.2', family: 4 });
  });

  it('refuses any other host name', async () => {
    const r = await ask('evil.example-corp.com', true);
    expect(r.err).toBeInstanceOf(PinViolation);
    expect(mapNetworkError(r.err, false).reason).toBe('dns');
  });
});

describe('error mapping', () => {
  it.each([
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'timeout'],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'timeout'],
    [{ code: 'UND_ERR_BODY_TIMEOUT' }, 'timeout'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'tls'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'tls'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'tls'],
    [{ code: 'ECONNRESET' }, 'unreachable'],
    [{ code: 'ECONNREFUSED' }, 'unreachable'],
    [{ cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } }, 'tls'],
    [new Error('boom'), 'unreachable'],
  ])('%j -> %s', (e, reason) => {
    expect(mapNetworkError(e, false).reason).toBe(reason);
  });

  it('the overall limit wins', () => {
    expect(mapNetworkError({ code: 'UND_ERR_ABORTED' }, true).reason).toBe('timeout');
  });
});

describe('remoteAddress is asserted after connect', () => {
  it('destroys a socket that reached an address that was not checked (lookup bypassed by a literal)', async () => {
    const pki = await urlSafetyPki();
    const server = await startHttps(await pki.leaf([], ['127.0.0.1']), (_req, res) => res.end('x'), '127.0.0.1');
    const connect = (allowed: string) =>
      new Promise<{ err: Error | null }>((resolve) => {
        pinnedConnector({ host: '127.0.0.1', addresses: [{ ip: allowed, family: 4 }], ca: pki.caCert, connectMs: 2000 })(
          { hostname: '127.0.0.1', host: `127.0.0.1:${server.port}`, protocol: 'https:', port: String(server.port) },
          (err, socket) => {
            socket?.destroy();
            resolve({ err });
          },
        );
      });
    try {
      const refused = await connect('127.0.0.2');
      expect(refused.err).toBeInstanceOf(PinViolation);
      expect(refused.err?.message).toContain('127.0.0.1');
      expect((await connect('127.0.0.1')).err).toBeNull();
    } finally {
      await server.close();
    }
  });
});
