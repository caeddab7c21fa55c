import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/api';
import { defaultDataDir } from '../../../main/composition/data-dir';
import { createNodeDeps } from '../../../main/composition/node-deps';
import { accountFor } from '../../../main/services/secrets/secret-store';
import type { TargetRecord } from '../../../shared/contract/targets';
import packageJson from '../../../package.json';

// Runs against the real keychain: under `dbus-run-session` with an unlocked gnome-keyring (the
// test script provides one). Each run uses its own keychain service name and removes its entries.

describe('defaultDataDir', () => {
  const rows: Array<[string, NodeJS.ProcessEnv, string]> = [
    ['BTS_DATA_DIR wins', { BTS_DATA_DIR: '/srv/bts', XDG_CONFIG_HOME: '/xdg' }, '/srv/bts'],
    ['then XDG_CONFIG_HOME', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/bitbucket-target-setup'],
    ['a relative XDG_CONFIG_HOME is ignored', { XDG_CONFIG_HOME: 'rel/dir' }, '/home/dana/.config/bitbucket-target-setup'],
    ['an empty BTS_DATA_DIR is ignored', { BTS_DATA_DIR: '  ' }, '/home/dana/.config/bitbucket-target-setup'],
    ['else ~/.config', {}, '/home/dana/.config/bitbucket-target-setup'],
  ];
  it.each(rows)('%s', (_label, env, expected) => expect(defaultDataDir(env, '/home/dana')).toBe(expected));
});

describe('createNodeDeps', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bts-node-deps-'));
  const secretService = `bts-test-${randomUUID()}`;
  const deps = createNodeDeps({ dataDir, mode: 'cli', secretService });
  const api = createApi(deps);
  const SECRET = `tok-${randomUUID()}`;

  afterAll(async () => {
    for (const account of await deps.secrets.accounts()) await deps.secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers app.info with the package version and the mode', async () => {
    const r = await api.call('app.info', {});
    expect(r).toEqual({
      ok: true,
      value: { name: packageJson.productName, version: packageJson.version, mode: 'cli', runtime: { node: process.versions.node } },
    });
  });

  it('touches nothing on disk until a method writes', () => {
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('keeps targets in dataDir/settings.json and the credential in the real keychain only', async () => {
    const saved = await api.call('targets.save', { target: { provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted', name: 'Keychain test' } });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? (saved.value as TargetRecord).target.id : '';
    await deps.secrets.set(accountFor(id, 'bitbucket'), SECRET);
    const got = await api.call('targets.get', { id });
    expect(got.ok && (got.value as TargetRecord).credential).toBe('stored');
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain(SECRET);
    expect(JSON.stringify(got)).not.toContain(SECRET);

    expect((await api.call('targets.delete', { id })).ok).toBe(true);
    expect(await deps.secrets.get(accountFor(id, 'bitbucket'))).toBeNull();
    expect(await deps.secrets.accounts()).toEqual([]);
  });
});
