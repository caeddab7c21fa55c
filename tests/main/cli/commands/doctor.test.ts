import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../../shared/errors/catalog';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { testNetwork } from '../../../support/url-safety/test-network';
import { fakeIO } from '../fake-io';

// `doctor`: the health panel on the terminal. Exit 0 when the keychain works, 4 when it does not,
// with the way out; 2 when the proxy settings cannot be used; 1 when a private keyring was asked for and could not start.

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('bitbucket-target doctor', () => {
  it('a working keychain: exit 0, every fact on its own line, the proxy without its password', async () => {
    const f = fakeIO({}, { network: testNetwork({ env: { HTTPS_PROXY: 'http://u:Secr3t@proxy.corp.example:3128', NO_PROXY: 'git.corp.example' } }) });
    cleanups.push(f.cleanup);
    const r = await f.run(['doctor']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'keychain:     available, unlocked (the OS keychain)',
      'signing key:  none yet (made on the first export)',
      `mode:         test (${process.platform})`,
      'proxy:        HTTPS_PROXY = http://proxy.corp.example:3128',
      'bypass:       NO_PROXY = git.corp.example',
      `node:         ${process.versions.node}`,
      'electron:     (not running in Electron)',
    ]);
    expect(r.out.join('\n')).not.toContain('Secr3t');
  });

  it('no Secret Service: exit 4, the reason and the way out (the private keyring or starting one)', async () => {
    const f = fakeIO({}, { secrets: memorySecretStore({}, { unavailable: true }).store });
    cleanups.push(f.cleanup);
    const r = await f.run(['doctor']);
    expect(r.code).toBe(4);
    expect(r.out[0]).toBe('keychain:     unavailable: No Secret Service is running (test).');
    expect(r.out[1]).toBe(`  way out:    ${describeError('KEYCHAIN_UNAVAILABLE').fix}`);
    expect(r.out[1]).toContain('--private-keyring');
    expect(r.out).toContain('signing key:  unknown (the keychain cannot be asked)');
  });

  it.each([
    ['a bracket that never closes', { HTTPS_PROXY: 'http://[proxy.corp:3128' }, 'HTTPS_PROXY', /not a URL the WHATWG parser accepts/],
    ['no scheme', { HTTPS_PROXY: 'proxy.corp:3128' }, 'HTTPS_PROXY', /must start with http:\/\/ or https:\/\//],
    ['a path after the password', { https_proxy: 'http://u:Secr3t@proxy.corp/x' }, 'https_proxy', /without a path, query or fragment/],
    ['a NO_PROXY entry that is no host', { HTTPS_PROXY: 'http://u:Secr3t@proxy.corp:3128', NO_PROXY: 'git corp' }, 'NO_PROXY', /the entry "git corp" is not a host name/],
  ])('a malformed proxy setting (%s): exit 2, the variable and what is wrong, the way out, never the password', async (_name, env, variable, problem) => {
    const f = fakeIO({}, { network: testNetwork({ env }) });
    cleanups.push(f.cleanup);
    const r = await f.run(['doctor']);
    expect(r.code).toBe(2);
    const line = r.out.find((l) => l.startsWith('  problem:'));
    expect(line).toContain(`PROXY_CONFIG_INVALID: ${variable} is not usable`);
    expect(line).toMatch(problem);
    expect(r.out).toContain(`  way out:    ${describeError('PROXY_CONFIG_INVALID').fix}`);
    const all = [...r.out, ...r.err].join('\n');
    expect(all).not.toContain('Secr3t');
    const json = await f.run(['doctor', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out[0] ?? '')).toMatchObject({ healthy: false, proxy: { problem: { code: 'PROXY_CONFIG_INVALID', variable } } });
    expect(json.out.join('')).not.toContain('Secr3t');
  });

  it('--json prints the report as one line of JSON, with the same exit code', async () => {
    const f = fakeIO({}, { secrets: memorySecretStore({}, { unavailable: true }).store });
    cleanups.push(f.cleanup);
    const r = await f.run(['doctor', '--json']);
    expect(r.code).toBe(4);
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({ healthy: false, keychain: { status: 'unavailable', store: 'os_keychain' } });
  });

  it('--private-keyring that cannot start: exit 1 and why, before any keychain call', async () => {
    const f = fakeIO({ usePrivateKeyring: async () => ({ ok: false, reason: 'dbus-run-session is not installed' }) });
    cleanups.push(f.cleanup);
    const r = await f.run(['doctor', '--private-keyring']);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['The private keyring could not start: dbus-run-session is not installed.']);
    expect(r.out).toEqual([]);
  });

  it('an unknown flag is a usage error (exit 2)', async () => {
    const f = fakeIO();
    cleanups.push(f.cleanup);
    expect((await f.run(['doctor', '--fix'])).code).toBe(2);
  });
});
