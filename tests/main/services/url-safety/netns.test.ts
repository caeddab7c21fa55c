import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECT } from '../../../../main/services/net/proxy-env';
import { z } from 'zod';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { createDnsResolver } from '../../../../main/services/url-safety/resolver';
import { createNetns, netnsSupport, startServerInNetns, type Netns, type NsServer } from '../../../support/url-safety/netns';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { judgeAddress } from '../../../../main/services/url-safety/policy';
import { testNetwork } from '../../../support/url-safety/test-network';
import { fakeIO } from '../../cli/fake-io';

// Private addresses inside network namespaces this test makes itself (root; CI runs as root).
// Traffic goes only to the namespace's 10.x address. Default policy, no test hooks: exactly
// what a customer on an approved tunnel does.

const support = netnsSupport();
// Names are never resolved here (the targets are literals); a resolver that would fail loudly.
const noDns = createDnsResolver({ servers: ['127.0.0.1:9'], timeoutMs: 200, tries: 1 });

describe('network namespaces', () => {
  it('are available, or refused only for lack of privilege', () => {
    if (!support.ok) console.warn(`netns tests not run: ${support.reason}`);
    expect(support.ok || /not permitted|permission denied|EPERM/iu.test(support.reason)).toBe(true);
  });
});

describe.runIf(support.ok)('a Data Center on a private 10.x address behind an approved tunnel', () => {
  let ns: Netns;
  let server: NsServer;
  let dir: string;
  let caFile: string;

  beforeAll(async () => {
    ns = await createNetns();
    const pki = await urlSafetyPki();
    server = await startServerInNetns(ns, await pki.leaf([], [ns.nsAddr]));
    dir = mkdtempSync(join(tmpdir(), 'bts-ca-'));
    caFile = join(dir, 'corporate-ca.pem');
    writeFileSync(caFile, pki.caCert);
  });
  afterAll(() => {
    server.stop();
    ns.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const probe = async (...extra: string[]) => {
    const f = fakeIO({}, { network: testNetwork({ resolver: noDns }) });
    const { code, out } = await f.run(['probe', `https://${ns.nsAddr}:${server.port}`, '--ca', caFile, '--json', ...extra]).finally(f.cleanup);
    return { code, json: z.record(z.string(), z.unknown()).parse(JSON.parse(out[0] ?? '{}')) };
  };

  it('is blocked as private_network without an allowlist status, and no byte is sent', async () => {
    const { code, json } = await probe();
    expect(code).toBe(3);
    expect(json).toMatchObject({ verdict: 'block', code: 'PROVIDER_BASE_URL_BLOCKED', reason: 'private_network' });
    expect(server.connections()).toBe(0);
  });

  it('is reached with --allowlist-status approved_tunnel, with the API root and TLS evidence', async () => {
    const { code, json } = await probe('--allowlist-status', 'approved_tunnel');
    expect(code).toBe(0);
    expect(json).toMatchObject({
      verdict: 'allow',
      code: null,
      addresses: [{ ip: ns.nsAddr, range: 'private' }],
      api_root: { version: '8.19.9', buildNumber: '8019009', displayName: 'Bitbucket' },
      tls: { issuer: expect.stringContaining('URL-safety test CA') },
    });
    expect(Object.keys(json).sort()).toEqual(
      ['addresses', 'api_root', 'code', 'detail', 'normalized', 'reason', 'redirects', 'resolved_by_proxy', 'timings_ms', 'tls', 'verdict', 'via_proxy'].sort(),
    );
    expect(server.connections()).toBeGreaterThan(0);
  });

  it('is reached when allowlisted only with the private acknowledgement', async () => {
    expect((await probe('--allowlist-status', 'allowlisted')).json['reason']).toBe('private_network');
    expect((await probe('--allowlist-status', 'allowlisted', '--acknowledge-private')).code).toBe(0);
  });
});

describe.runIf(support.ok)('a blackholed address (no answer at all)', () => {
  let ns: Netns;
  beforeAll(async () => {
    ns = await createNetns({ blackholeReplies: true });
  });
  afterAll(() => ns.close());

  it('ends in timeout within the connect limit', async () => {
    const r = await probeDataCenter(`https://${ns.nsAddr}/`, {
      policy: { deployment: 'self-hosted', allowlist_status: 'approved_tunnel', acknowledge_private: false },
      resolver: noDns,
      judge: judgeAddress,
      proxy: DIRECT,
      limits: { connectMs: 700 },
    });
    expect(r).toMatchObject({ verdict: 'block', code: 'PROVIDER_BASE_URL_BLOCKED', reason: 'timeout' });
    expect(r.detail).toContain('UND_ERR_CONNECT_TIMEOUT');
    // Issue 14: a TCP timeout reads unlike a refusal, and names the address and the path.
    expect(r.detail).toContain(`TCP: no answer from ${ns.nsAddr} at ${ns.nsAddr} port 443 within the connect limit (UND_ERR_CONNECT_TIMEOUT, direct connection, no proxy)`);
    expect(r.detail).not.toContain('refused');
    expect(r.stages.find((s) => s.stage === 'connection')?.status).toBe('failed');
  });
});
