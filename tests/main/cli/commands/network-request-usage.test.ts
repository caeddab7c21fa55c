import { afterEach, describe, expect, it } from 'vitest';
import { networkRequestCommand } from '../../../../main/cli/commands/network-request';
import { recheckCommand } from '../../../../main/cli/commands/recheck';
import { cloudJira, TEST_SECRETS } from '../../services/bundle/bundle-support';
import { bundleCommand } from '../../../../main/cli/commands/bundle';
import { cliHarness } from './bundle-cli-support';

let h: Awaited<ReturnType<typeof cliHarness>>;
afterEach(() => h.cleanup());

describe('network-request and recheck usage', () => {
  it.each([
    [[]],
    [['https://a.example', '--target', 'x']],
    [['https://a.example', 'https://b.example']],
    [['https://a.example', '--format', 'pdf']],
    [['https://a.example', '--allowlist-status', 'open']],
    [['https://a.example', '--timeout-ms', '5']],
    [['https://a.example', '--bogus']],
  ])('network-request %j exits 2', async (args) => {
    h = await cliHarness([], {});
    expect(await h.run(networkRequestCommand, args)).toBe(2);
  });

  it('writes a request for a URL that fails its syntax check, with exit 0 and the reason', async () => {
    h = await cliHarness([], {});
    expect(await h.run(networkRequestCommand, ['http://user:pw@bitbucket.example/', '--format', 'json'])).toBe(0);
    const doc = JSON.parse(h.out.join('\n')) as { failure: { reason: string }; asks: string[] };
    expect(['scheme', 'userinfo']).toContain(doc.failure.reason);
    expect(doc.asks[0]).toMatch(/^Fix the base URL first/);
    expect(h.out.join('\n')).not.toContain(':pw@');
  });

  it.each([[[]], [['a.json', 'b.json']], [['missing.json']], [['x.json', '--fingerprint', 'nope']]])('recheck %j exits 2', async (args) => {
    h = await cliHarness([], {});
    expect(await h.run(recheckCommand, args)).toBe(2);
  });

  it('refuses a Bitbucket Cloud bundle (exit 1): it has no host of its own to drift', async () => {
    h = await cliHarness([cloudJira()], { 'cloud-1:bitbucket': TEST_SECRETS.bitbucket, 'cloud-1:jira': TEST_SECRETS.jira });
    const file = h.path('c.wrobundle.json');
    expect(await h.run(bundleCommand, ['export', '--target', 'cloud-1', '--out', file])).toBe(0);
    expect(await h.run(recheckCommand, [file])).toBe(1);
    expect(h.err.join('\n')).toMatch(/REQUEST_INVALID: .*Data Center bundle/);
  });
});
