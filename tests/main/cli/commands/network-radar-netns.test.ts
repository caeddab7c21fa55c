import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIRECT } from '../../../../main/services/net/proxy-env';
import { bundleCommand } from '../../../../main/cli/commands/bundle';
import { networkRequestCommand } from '../../../../main/cli/commands/network-request';
import { radarCommand } from '../../../../main/cli/commands/radar';
import { recheckCommand } from '../../../../main/cli/commands/recheck';
import { probeDataCenter } from '../../../../main/services/network-check/probe';
import { createDnsResolver } from '../../../../main/services/url-safety/resolver';
import { NetworkRequestDocument } from '../../../../shared/contract/network-request';
import { RadarScanResult } from '../../../../shared/contract/radar';
import { RecheckResult } from '../../../../shared/contract/recheck';
import type { TlsEvidence } from '../../../../shared/domain/checks';
import { createNetns, netnsSupport, startServerInNetns, type Netns, type NsServer } from '../../../support/url-safety/netns';
import { judgeAddress } from '../../../../main/services/url-safety/policy';
import { urlSafetyPki } from '../../../support/url-safety/pki';
import { dcTunnel, TEST_SECRETS } from '../../services/bundle/bundle-support';
import { cliHarness } from './bundle-cli-support';

// Acceptance of issue 15 against a Data Center stand-in on a private 10.x address inside a network
// namespace this test makes (root only; otherwise the netns test in url-safety says why it did not
// run). Its certificate is signed by a throw-away CA and expires in 12 hours: inside any radar window.

const support = netnsSupport();
const secrets = { 'dc-1:bitbucket': TEST_SECRETS.dc };

describe.runIf(support.ok)('network team change request, radar and drift against a private Data Center', () => {
  let ns: Netns;
  let server: NsServer;
  let other: NsServer;
  let dir: string;
  let caFile: string;
  let url: string;
  let h: Awaited<ReturnType<typeof cliHarness>>;

  beforeAll(async () => {
    ns = await createNetns();
    const pki = await urlSafetyPki();
    server = await startServerInNetns(ns, await pki.leaf([], [ns.nsAddr]));
    other = await startServerInNetns(ns, await pki.leaf([], [ns.nsAddr]));
    dir = mkdtempSync(join(tmpdir(), 'bts-nr-'));
    caFile = join(dir, 'corporate-ca.pem');
    writeFileSync(caFile, pki.caCert);
    url = `https://${ns.nsAddr}:${server.port}`;
  });
  afterAll(() => {
    server.stop();
    other.stop();
    ns.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => h.cleanup());

  const noSecrets = (text: string) => {
    for (const s of Object.values(TEST_SECRETS)) expect(text).not.toContain(s);
  };
  const all = () => [...h.out, ...h.err].join('\n');

  it('writes the change request (md and json) naming the exact address, port, source, fingerprint and expiry', async () => {
    h = await cliHarness([], secrets);
    const mdFile = h.path('request.md');
    expect(await h.run(networkRequestCommand, [url, '--ca', caFile, '--allowlist-status', 'approved_tunnel', '--out', mdFile])).toBe(0);
    const md = readFileSync(mdFile, 'utf8');
    expect(await h.run(networkRequestCommand, [url, '--ca', caFile, '--allowlist-status', 'approved_tunnel', '--format', 'json'])).toBe(0);
    const doc = NetworkRequestDocument.parse(JSON.parse(h.out.join('\n')));
    expect(doc).toMatchObject({
      verdict: 'reached',
      failure: null,
      destination: { host: ns.nsAddr, port: server.port, sni: null },
      addresses: [{ ip: ns.nsAddr, family: 4, class: 'private' }],
      source_address: ns.hostAddr,
      proxy: { used: false, proxy: null },
      allowlist_status: 'approved_tunnel',
      api_root: { version: '8.19.9' },
      certificate: { trusted: true, issuer: expect.stringContaining('URL-safety test CA') },
    });
    expect(doc.destination.tls_version).toMatch(/^TLSv1\.[23]$/);
    expect(doc.asks[0]).toBe(`Route WebRiskOps to TCP ${ns.nsAddr}:${server.port} (${ns.nsAddr}) through the approved tunnel.`);
    const fp = doc.certificate?.fingerprint_sha256 ?? '';
    expect(fp).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    for (const needle of [`\`${ns.nsAddr}\``, `| port | ${server.port} |`, fp, doc.certificate?.not_after ?? '?', `source address: \`${ns.hostAddr}\``, 'TCP ', 'Route WebRiskOps to TCP']) {
      expect(md).toContain(needle);
    }
    noSecrets(md + all());
  });

  it('still writes a request without the CA, stating the TLS failure, the presented certificate and the ask', async () => {
    h = await cliHarness([], secrets);
    expect(await h.run(networkRequestCommand, [url, '--allowlist-status', 'approved_tunnel', '--format', 'json'])).toBe(0);
    const doc = NetworkRequestDocument.parse(JSON.parse(h.out.join('\n')));
    expect(doc).toMatchObject({ verdict: 'failed', failure: { stage: 'tls', reason: 'tls' }, certificate: { trusted: false, issuer: expect.stringContaining('URL-safety test CA') } });
    expect(doc.asks[0]).toMatch(/^The certificate .* \(issuer .*URL-safety test CA\) is not trusted from this machine: send the issuing CA certificate as a PEM file/);
    expect(await h.run(networkRequestCommand, [url, '--allowlist-status', 'approved_tunnel'])).toBe(0);
    const md = h.out.join('\n');
    expect(md).toContain('the probe failed at the **tls** stage');
    expect(md).toContain('| trusted by this machine | NO');
    noSecrets(all());
  });

  it('states a blocked private address with the address and the tunnel ask, sending no byte to it', async () => {
    h = await cliHarness([], secrets);
    const before = server.connections();
    expect(await h.run(networkRequestCommand, [url, '--format', 'json'])).toBe(0);
    const doc = NetworkRequestDocument.parse(JSON.parse(h.out.join('\n')));
    expect(doc.failure).toMatchObject({ reason: 'private_network' });
    expect(doc.asks[0]).toContain(`resolves to private address ${ns.nsAddr} (private): approve a tunnel for WebRiskOps to TCP ${ns.nsAddr}:${server.port}`);
    expect(server.connections()).toBe(before);
  });

  it('radar --probe exits 3 naming the certificate, and names 2029-03-28 for Data Center', async () => {
    h = await cliHarness([], secrets);
    expect(await h.run(radarCommand, ['--probe', url, '--ca', caFile, '--allowlist-status', 'approved_tunnel', '--json'])).toBe(3);
    const r = RadarScanResult.parse(JSON.parse(h.out[0] ?? '{}'));
    const cert = r.items.find((i) => i.kind === 'certificate');
    expect(cert?.status).toBe('due');
    expect(cert?.subject).toContain('issuer CN=URL-safety test CA');
    expect(r.items.find((i) => i.kind === 'ca')?.status).toBe('due');
    expect(r.items.find((i) => i.kind === 'platform_end_of_life')?.date).toBe('2029-03-28');
    expect(r.items.find((i) => i.kind === 'release_support')).toMatchObject({ date: '2026-03-12', status: 'past' });
    expect(await h.run(radarCommand, ['--probe', url, '--ca', caFile, '--allowlist-status', 'approved_tunnel'])).toBe(3);
    expect(h.out.join('\n')).toMatch(/DUE\s+\d{4}-\d{2}-\d{2}\s+certificate/);
    noSecrets(all());
  });

  it('recheck reports a changed certificate as drift (exit 3), with no credential used', async () => {
    const evidenceOf = async (port: number): Promise<TlsEvidence> => {
      const p = await probeDataCenter(`https://${ns.nsAddr}:${port}`, {
        policy: { deployment: 'self-hosted', allowlist_status: 'approved_tunnel', acknowledge_private: false },
        resolver: createDnsResolver({ servers: ['127.0.0.1:9'], timeoutMs: 200, tries: 1 }),
        judge: judgeAddress,
        proxy: DIRECT,
        ca: readFileSync(caFile, 'utf8'),
      });
      if (p.tls === null) throw new Error(`no TLS evidence: ${p.detail ?? ''}`);
      return p.tls;
    };
    const signedWith = async (tls: TlsEvidence) => {
      const base = dcTunnel();
      const network = base.checks.network;
      if (network === undefined) throw new Error('dcTunnel has network evidence');
      return {
        target: { ...base.target, base_url: url },
        checks: {
          ...base.checks,
          url_safety: { status: 'passed' as const, normalized: url, addresses: [{ ip: ns.nsAddr, range: 'private', family: 4 as const }], checked_at: network.checked_at },
          network: { ...network, redirects: [], tls, api_root: { version: '8.19.9', buildNumber: '8019009', displayName: 'Bitbucket' } },
        },
      };
    };
    // Signed when the host presented another certificate (the one `other` serves now).
    h = await cliHarness([await signedWith(await evidenceOf(other.port))], secrets);
    const file = h.path('dc.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file])).toBe(0);
    expect(await h.run(recheckCommand, [file, '--ca', caFile, '--json'])).toBe(3);
    const r = RecheckResult.parse(JSON.parse(h.out[0] ?? '{}'));
    expect(r.probe.verdict).toBe('allow');
    const changed = r.drift.find((d) => d.kind === 'certificate');
    expect(changed?.detail).toMatch(/different certificate/);
    expect(r.drift.map((d) => d.kind)).not.toContain('addresses');
    expect(r.drift.map((d) => d.kind)).not.toContain('version');
    noSecrets(all() + readFileSync(file, 'utf8'));

    // Signed with the certificate the host still presents: no certificate drift (it only expires soon).
    h.cleanup();
    h = await cliHarness([await signedWith(await evidenceOf(server.port))], secrets);
    const same = h.path('same.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', same])).toBe(0);
    expect(await h.run(recheckCommand, [same, '--ca', caFile])).toBe(3);
    const text = h.out.join('\n');
    expect(text).toContain('drift:   1 (certificate_expiring)');
  });
});
