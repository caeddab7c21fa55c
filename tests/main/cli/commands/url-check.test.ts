import { describe, expect, it } from 'vitest';
import { runUrlCheckCommand } from '../../../../main/cli/commands/url-check';
import type { Resolver } from '../../../../main/services/url-safety/resolver';
import { testNetwork } from '../../../support/url-safety/test-network';

// The url-check command: input sources, output formats, exit codes.

const run = async (args: string[], stdin = '', resolver?: Resolver) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUrlCheckCommand(args, { stdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) }, { network: testNetwork(resolver === undefined ? {} : { resolver }) });
  return { code, out, err };
};

const fakeResolver = (a: Record<string, string[]>): Resolver => ({
  resolve4: async (h) => a[h] ?? Promise.reject(Object.assign(new Error('nx'), { code: 'ENOTFOUND' })),
  resolve6: async () => Promise.reject(Object.assign(new Error('nodata'), { code: 'ENODATA' })),
});

describe('url-check', () => {
  it('prints one JSON line per input in input order with exactly the documented keys', async () => {
    const { code, out } = await run(['--json', '--offline', 'https://bitbucket.example-corp.com/', 'https://10.0.0.1/', 'nope']);
    expect(code).toBe(3);
    const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['verdict'])).toEqual(['allow', 'block', 'invalid']);
    expect(lines.map((l) => l['reason'])).toEqual([null, 'private_network', 'syntax']);
    for (const l of lines) expect(Object.keys(l)).toEqual(['input', 'verdict', 'code', 'reason', 'normalized', 'addresses']);
    expect(lines[1]?.['addresses']).toEqual([{ ip: '10.0.0.1', range: 'private' }]);
  });

  it('exits 0 when every input is allowed', async () => {
    expect((await run(['--offline', 'https://bitbucket.example-corp.com/bitbucket'])).code).toBe(0);
  });

  it('--allowlist-status approved_tunnel allows a private address; --acknowledge-private needs allowlisted', async () => {
    expect((await run(['--offline', '--allowlist-status', 'approved_tunnel', 'https://10.0.0.1/'])).code).toBe(0);
    expect((await run(['--offline', '--allowlist-status=allowlisted', 'https://10.0.0.1/'])).code).toBe(3);
    expect((await run(['--offline', '--allowlist-status=allowlisted', '--acknowledge-private', 'https://10.0.0.1/'])).code).toBe(0);
    expect((await run(['--offline', '--allowlist-status', 'approved_tunnel', 'https://127.0.0.1/'])).code).toBe(3);
  });

  it('--stdin reads one URL per line; --stdin-json reads strings with control characters intact', async () => {
    const lines = await run(['--json', '--offline', '--stdin'], 'https://a.example-corp.com/\n\nhttps://localhost/\r\n');
    expect(lines.out.map((l) => (JSON.parse(l) as { verdict: string }).verdict)).toEqual(['allow', 'block']);
    const json = await run(['--json', '--offline', '--stdin-json'], JSON.stringify(['https://a.example-corp.com\n/']));
    expect((JSON.parse(json.out[0] ?? '') as { verdict: string }).verdict).toBe('invalid');
  });

  it('online mode classifies every DNS answer', async () => {
    const r = await run(['--json', 'https://a.example-corp.com/'], '', fakeResolver({ 'a.example-corp.com': ['151.101.64.10', '10.1.1.1'] }));
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({ reason: 'private_network', addresses: [{ ip: '151.101.64.10' }, { ip: '10.1.1.1' }] });
    const dns = await run(['--json', 'https://gone.example-corp.com/'], '', fakeResolver({}));
    expect(JSON.parse(dns.out[0] ?? '')).toMatchObject({ verdict: 'block', reason: 'dns' });
  });

  it('prints a readable table without --json', async () => {
    const { out } = await run(['--offline', 'https://169.254.169.254/']);
    expect(out[0]).toContain('block');
    expect(out[0]).toContain('reserved_ip');
    expect(out[0]).toContain('169.254.169.254 (cloudMetadata)');
  });

  it.each([
    [[]],
    [['--bogus', 'https://x.example-corp.com/']],
    [['--allowlist-status', 'maybe', 'https://x.example-corp.com/']],
    [['--allowlist-status']],
    [['--stdin', '--stdin-json']],
  ])('usage error %j exits 2', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain('usage:');
  });

  it('bad --stdin-json is a usage error', async () => {
    expect((await run(['--stdin-json'], '{"not":"an array"}')).code).toBe(2);
    expect((await run(['--stdin-json'], 'not json')).code).toBe(2);
  });
});
