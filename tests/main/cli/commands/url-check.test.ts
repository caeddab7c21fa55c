import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Resolver } from '../../../../main/services/url-safety/resolver';
import { testNetwork } from '../../../support/url-safety/test-network';
import { expectUsageError } from '../cli-expect';
import { fakeIO } from '../fake-io';

// The url-check command through the runner and the contract: input sources, output formats, exit codes.

const made: Array<ReturnType<typeof fakeIO>> = [];
afterEach(() => {
  for (const f of made.splice(0)) f.cleanup();
});

const run = async (args: string[], stdin = '', resolver?: Resolver) => {
  const f = fakeIO({ stdin: Readable.from([stdin]) }, { network: testNetwork(resolver === undefined ? {} : { resolver }) });
  made.push(f);
  return f.run(['url-check', ...args]);
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
    const inputs = ['https://a.example-corp.com\n/', 'https://a.example-corp.com\u202e/'];
    const json = await run(['--json', '--offline', '--stdin-json'], JSON.stringify(inputs));
    expect(json.out.map((l) => JSON.parse(l) as unknown)).toMatchObject(inputs.map((input) => ({ verdict: 'invalid', input })));
    // The characters reached the check, not the terminal: JSON.stringify leaves U+202E raw, printable() does not.
    expect(json.out[1]).toContain('\\u202e');
    expect(json.out.join('')).not.toMatch(/[\n\r\u202e]/u);
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

  it('an input the contract refuses (over 8192 characters) is reported with its code and exits 1', async () => {
    const r = await run(['--offline', `https://a.example-corp.com/${'x'.repeat(9000)}`, 'https://a.example-corp.com/']);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/REQUEST_INVALID/);
    expect(r.out).toHaveLength(1);
  });

  it.each([
    [[], /no URL given/],
    [['--bogus', 'https://x.example-corp.com/'], /Unknown option '--bogus'/],
    [['--allowlist-status', 'maybe', 'https://x.example-corp.com/'], /--allowlist-status must be one of direct, allowlisted, approved_tunnel/],
    [['--allowlist-status'], /--allowlist-status/],
    [['--stdin', '--stdin-json'], /exclusive/],
    [['--json=yes', 'https://x.example-corp.com/'], /--json/],
  ])('usage error %j exits 2 with one hint line', async (args, message) => {
    expectUsageError(await run(args), 'url-check', message);
  });

  it.each([['{"not":"an array"}'], ['not json']])('bad --stdin-json %j is a usage error', async (stdin) => {
    const r = await run(['--stdin-json'], stdin);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/JSON array of strings/);
  });
});
