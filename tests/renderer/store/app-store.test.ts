import { describe, expect, it } from 'vitest';
import { createClient, fail } from '../../../shared/contract';
import { BITBUCKET_CLOUD_API_ROOT } from '../../../shared/domain/vocabulary';
import { createAppStore } from '../../../renderer/store/app-store';
import { failuresOf, isRunning, latestFailure } from '../../../renderer/store/state';
import { createMemoryTransport, type Overrides } from '../support/memory-transport';

const CLOUD_DRAFT = { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: BITBUCKET_CLOUD_API_ROOT } as const;

const setup = (overrides: Overrides = {}) => {
  const memory = createMemoryTransport([], overrides);
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

  it('keeps a failed call under its action, with its code and a retry', async () => {
    const store = createAppStore(createClient(async () => ({ ok: false, error: { code: 'SETTINGS_UNREADABLE', message: 'bad file' } })));
    await store.getState().refreshTargets();
    const [failure, ...others] = failuresOf(store.getState());
    expect(others).toEqual([]);
    expect(failure?.action).toBe('targets.list');
    expect(failure?.error.code).toBe('SETTINGS_UNREADABLE');
    expect(failure?.retry).not.toBeNull();
    expect(store.getState().busy).toBeNull();
  });

  it('turns a transport failure into a coded error instead of throwing', async () => {
    const store = createAppStore(
      createClient(async () => {
        throw new Error('offline');
      }),
    );
    await store.getState().init();
    expect(failuresOf(store.getState()).map((f) => [f.action, f.error.code])).toEqual([
      ['app.info', 'INTERNAL_ERROR'],
      ['health.report', 'INTERNAL_ERROR'],
      ['targets.list', 'INTERNAL_ERROR'],
    ]);
  });

  it('a later call of another action leaves a kept failure alone; running the same action again replaces it', async () => {
    const { store } = setup({ 'credentials.store': () => fail('KEYCHAIN_UNAVAILABLE', 'No Secret Service is running.') });
    await store.getState().saveDraft(CLOUD_DRAFT);
    const id = store.getState().record?.target.id ?? '';
    expect(await store.getState().run('credentials.store', { target_id: id, kind: 'bitbucket', secret: 'x-secret' }, 'Storing')).toBeNull();
    await store.getState().run('checks.run', { target_id: id }, 'Testing');
    await store.getState().refreshTargets();
    expect(failuresOf(store.getState()).map((f) => f.error.code)).toEqual(['KEYCHAIN_UNAVAILABLE']);
    expect(latestFailure(store.getState())?.retry).toBeNull();

    const ok = setup();
    await ok.store.getState().saveDraft(CLOUD_DRAFT);
    ok.store.setState({ actions: { 'checks.run': { status: 'failed', seq: 1, failure: { action: 'checks.run', label: 'Testing', error: { code: 'PROVIDER_UNAVAILABLE', message: 'x' }, retry: null } } } });
    await ok.store.getState().run('checks.run', { target_id: ok.store.getState().record?.target.id ?? '' }, 'Testing');
    expect(failuresOf(ok.store.getState())).toEqual([]);
    expect(ok.store.getState().actions['checks.run']?.status).toBe('done');
  });

  it('Retry runs the failed action again with its input; on success the failure is gone and the answered record kept', async () => {
    let down = true;
    const { store, memory } = setup({ 'checks.run': () => (down ? fail('PROVIDER_UNAVAILABLE', 'Provider checks are not available.') : undefined) });
    await store.getState().saveDraft(CLOUD_DRAFT);
    const id = store.getState().record?.target.id ?? '';
    await store.getState().run('checks.run', { target_id: id }, 'Testing');
    const failure = latestFailure(store.getState());
    expect(failure?.retry).not.toBeNull();
    down = false;
    await failure?.retry?.();
    expect(failuresOf(store.getState())).toEqual([]);
    expect(memory.calls.filter((c) => c.name === 'checks.run').map((c) => c.input)).toEqual([{ target_id: id }, { target_id: id }]);
    expect(store.getState().record?.checks.auth?.status).toBe('ok');
  });

  it('dismissing forgets one failure; editing the target or leaving it forgets them all', async () => {
    const down = () => fail('PROVIDER_UNAVAILABLE', 'Provider checks are not available.');
    const { store } = setup({ 'checks.run': down, 'bundle.verify': down });
    await store.getState().saveDraft(CLOUD_DRAFT);
    const id = store.getState().record?.target.id ?? '';
    const failBoth = async () => {
      await store.getState().run('checks.run', { target_id: id }, 'Testing');
      await store.getState().run('bundle.verify', { text: '{}' }, 'Verifying');
      expect(failuresOf(store.getState()).map((f) => f.action)).toEqual(['checks.run', 'bundle.verify']);
    };
    await failBoth();
    store.getState().dismiss('checks.run');
    expect(failuresOf(store.getState()).map((f) => f.action)).toEqual(['bundle.verify']);
    await failBoth();
    await store.getState().saveDraft({ ...CLOUD_DRAFT, id, workspace: 'acme' });
    expect(failuresOf(store.getState())).toEqual([]);
    await failBoth();
    await store.getState().openStatus();
    expect(failuresOf(store.getState())).toEqual([]);
  });

  it.each([
    ['credentials.store', (id: string) => ({ target_id: id, kind: 'bitbucket', secret: 'x-secret' }) as const],
    ['credentials.delete', (id: string) => ({ target_id: id }) as const],
    ['checks.run', (id: string) => ({ target_id: id }) as const],
    ['jira.check', (id: string) => ({ target_id: id }) as const],
    ['oauth.connect', (id: string) => ({ target_id: id }) as const],
    ['url.checkTarget', (id: string) => ({ target_id: id }) as const],
  ] as const)('%s: the answered record replaces the one in the store, with no call to read it again', async (method, input) => {
    const { store, memory } = setup();
    await store.getState().saveDraft(CLOUD_DRAFT);
    const before = store.getState().record;
    const id = before?.target.id ?? '';
    store.setState({ targets: before === null ? [] : [before] });
    const calls = memory.calls.length;
    const answer = await store.getState().run(method, input(id), 'Acting');
    expect(answer).not.toBeNull();
    expect(store.getState().record).not.toBe(before);
    expect(store.getState().record).toEqual(memory.targets.get(id));
    expect(store.getState().targets).toEqual([memory.targets.get(id)]);
    expect(memory.calls.slice(calls).map((c) => c.name)).toEqual([method]);
  });

  it('an answer about another target does not replace the record being edited', async () => {
    const { store, memory } = setup();
    await store.getState().saveDraft(CLOUD_DRAFT);
    await store.getState().saveDraft(CLOUD_DRAFT);
    const second = store.getState().record;
    const first = [...memory.targets.keys()].find((k) => k !== second?.target.id) ?? '';
    await store.getState().run('credentials.store', { target_id: first, kind: 'bitbucket', secret: 'x-secret' }, 'Storing');
    expect(store.getState().record).toBe(second);
  });

  it('a cancelled action is no longer running and its late answer is ignored', async () => {
    let release: (value: unknown) => void = () => undefined;
    const store = createAppStore(createClient(() => new Promise((resolve) => (release = resolve))));
    const pending = store.getState().run('targets.list', {}, 'Loading saved targets');
    expect(isRunning(store.getState(), 'targets.list')).toBe(true);
    store.getState().cancel();
    expect(isRunning(store.getState(), 'targets.list')).toBe(false);
    release({ ok: true, value: [] });
    expect(await pending).toBeNull();
    expect(store.getState().actions['targets.list']).toBeUndefined();
    expect(store.getState().busy).toBeNull();
  });

  it('gives every store its own state', () => {
    const a = setup().store;
    const b = setup().store;
    a.getState().setSafeMode(true);
    expect(b.getState().safeMode).toBe(false);
  });
});
