import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, type ApiDeps } from '../../main/api';
import { fixedClock } from '../../main/services/clock/clock';
import { createFixedOriginHttpClient } from '../../main/services/providers/common/fixed-origin-client';
import type { SecretStore } from '../../main/services/secrets/secret-store';
import { createConfSettingsStore } from '../../main/services/settings/conf-settings-store';
import { memorySecretStore } from './memory-secret-store';
import { testNetwork } from './url-safety/test-network';

/**
 * An api over real services where it is cheap (conf settings in a temp dir, a fixed clock) and an
 * in-memory keychain unless one is given. Unless a test hands in its own, the network knows no
 * name (nothing resolves, so nothing leaves loopback) and the providers reach no origin: every
 * call a test did not arrange is refused unsent. `cleanup()` removes the temp dir.
 */
export const testApi = (over: Partial<ApiDeps> & { secrets?: SecretStore } = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'bts-api-'));
  const clock = fixedClock('2026-11-29T08:00:00.000Z');
  let n = 0;
  const deps: ApiDeps = {
    appInfo: { name: 'Bitbucket Target Setup', version: '0.0.0-test', mode: 'test', runtime: { node: process.versions.node } },
    clock,
    settings: createConfSettingsStore({ dir }),
    secrets: memorySecretStore().store,
    newId: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
    network: testNetwork(),
    providers: {
      cloudHttp: createFixedOriginHttpClient({ origins: [] }),
      sleep: async () => undefined,
      openExternal: async (url) => Promise.reject(new Error(`this test opens no browser (${url})`)),
    },
    ...over,
  };
  return { api: createApi(deps), deps, dir, clock, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

/** `testApi` for every test of a file: each api a test makes is removed after that test. */
export const testApiEach = (): typeof testApi => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  return (over) => {
    const t = testApi(over);
    cleanups.push(t.cleanup);
    return t;
  };
};
