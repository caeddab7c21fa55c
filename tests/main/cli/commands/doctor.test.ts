import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../../shared/errors/catalog';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { testNetwork } from '../../../support/url-safety/test-network';
import { fakeIO } from '../fake-io';

// `doctor`: the health panel on the terminal. Exit 0 when the keychain works, 4 when it does not,
// with the way out; 1 when a private keyring was asked for and could not start.

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
