import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/contract';
import { createAppStore } from '../../../renderer/store/app-store';
import { createMemoryTransport } from '../support/memory-transport';

const setup = () => {
  const memory = createMemoryTransport();
  const store = createAppStore(createClient(memory.transport));
  return { memory, store };
};

describe('app store', () => {
  it('loads app info and the saved targets on init', async () => {
    const { store } = setup();
    await store.getState().init();
    expect(store.getState().info?.name).toBe('Bitbucket Target Setup');
    expect(store.getState().targetsLoaded).toBe(true);
    expect(store.getState().targets).toEqual([]);
  });

  it.each([
    ['bitbucket_cloud_issues', 'cloud'],
    ['bitbucket_data_center_issues', 'self-hosted'],
  ] as const)('choosing %s records provider_key and deployment_mode %s in a saved draft', async (provider, mode) => {
    const { store, memory } = setup();
    store.getState().startWizard();
    expect(await store.getState().chooseProvider(provider)).toBe(true);
    const record = store.getState().record;
    expect(record?.target.provider_key).toBe(provider);
    expect(record?.target.deployment_mode).toBe(mode);
    expect(memory.calls.filter((c) => c.name === 'targets.save')).toHaveLength(1);
    expect(memory.targets.size).toBe(1);
  });

  it('refuses to jump to a locked step and follows the step graph forward', async () => {
    const { store } = setup();
    store.getState().startWizard();
    expect(store.getState().goTo('target')).toBe(false);
    expect(store.getState().next()).toBe(false);
    await store.getState().chooseProvider('bitbucket_data_center_issues');
    expect(store.getState().goTo('target')).toBe(false);
    expect(store.getState().next()).toBe(true);
    expect(store.getState().step).toBe('confirmations');
    expect(store.getState().back()).toBe(true);
    expect(store.getState().step).toBe('provider');
  });

  it('keeps a failed call with its code and a retry', async () => {
    const store = createAppStore(createClient(async () => ({ ok: false, error: { code: 'SETTINGS_UNREADABLE', message: 'bad file' } })));
    await store.getState().refreshTargets();
    expect(store.getState().failure?.error.code).toBe('SETTINGS_UNREADABLE');
    expect(store.getState().failure?.retry).not.toBeNull();
    expect(store.getState().busy).toBeNull();
  });

  it('turns a transport failure into a coded error instead of throwing', async () => {
    const store = createAppStore(
      createClient(async () => {
        throw new Error('offline');
      }),
    );
    await store.getState().init();
    expect(store.getState().failure?.error.code).toBe('INTERNAL_ERROR');
  });

  it('gives every store its own state', () => {
    const a = setup().store;
    const b = setup().store;
    a.getState().setSafeMode(true);
    expect(b.getState().safeMode).toBe(false);
  });
});
