import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/contract';
import { createAppStore } from '../../../renderer/store/app-store';
import { nextGate, wizardGate } from '../../../renderer/store/wizard-gates';
import { readyDataCenterPortable } from '../../support/domain-builders';
import { createMemoryTransport } from '../support/memory-transport';
import { evaluateReadiness } from '../../../shared/domain/readiness';

// Issue 14 item 3 (one gate per step, unsaved edits hold Next) and item 7 (Export signs the saved
// record): the store's one gate, asked by the step list, Next and goTo alike.

const readyStore = () => {
  const { target, checks } = readyDataCenterPortable();
  const record = { target, checks, credential: 'stored' as const, readiness: evaluateReadiness(target, checks) };
  const memory = createMemoryTransport([record]);
  const store = createAppStore(createClient(memory.transport), { screen: 'wizard', record, targets: [record], step: 'target' });
  return { store, memory };
};

describe('the wizard gate', () => {
  it('unsaved edits on the Target step hold every later step, naming the fields; clearing them reopens', () => {
    const { store } = readyStore();
    expect(wizardGate('credentials', store.getState()).open).toBe(true);
    store.getState().markUnsaved('target', ['Base URL', 'Project key']);
    const gate = wizardGate('credentials', store.getState());
    expect(gate).toMatchObject({ open: false, after: 'target' });
    expect(!gate.open && gate.reason).toBe('Unsaved changes on the Target step (Base URL, Project key): save them first.');
    expect(wizardGate('review', store.getState()).open).toBe(false);
    expect(store.getState().next()).toBe(false);
    expect(store.getState().goTo('review')).toBe(false);
    // An earlier step stays reachable: going back is never held.
    expect(wizardGate('confirmations', store.getState()).open).toBe(true);
    store.getState().markUnsaved('target', []);
    expect(store.getState().next()).toBe(true);
    expect(store.getState().step).toBe('credentials');
  });

  it('Next stays closed while a call runs (the record still holds the previous result), naming what runs; it opens with the answer', async () => {
    const { target, checks } = readyDataCenterPortable();
    const record = { target, checks, credential: 'stored' as const, readiness: evaluateReadiness(target, checks) };
    const memory = createMemoryTransport([record]);
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const client = createClient(async (name, input) => {
      if (name === 'checks.run') await held;
      return memory.transport(name, input);
    });
    const store = createAppStore(client, { screen: 'wizard', record, targets: [record], step: 'target' });
    expect(nextGate('target', 'credentials', store.getState()).open).toBe(true);
    const running = store.getState().run('checks.run', { target_id: target.id }, 'Testing the connection');
    await Promise.resolve();
    const gate = nextGate('target', 'credentials', store.getState());
    expect(gate).toEqual({ open: false, after: 'target', reason: 'Testing the connection is still running: wait for its result, or cancel it.' });
    expect(store.getState().next()).toBe(false);
    expect(store.getState().step).toBe('target');
    answer();
    await running;
    expect(store.getState().next()).toBe(true);
  });

  it('Export opens only after the Review step saved the record as it is now', async () => {
    const { store } = readyStore();
    expect(store.getState().record?.readiness.can_export).toBe(true);
    const before = wizardGate('export', store.getState());
    expect(before).toMatchObject({ open: false, after: 'review' });
    expect(!before.open && before.reason).toMatch(/^Save the target on the Review step first/);
    expect(await store.getState().commitTarget()).toBe(true);
    expect(wizardGate('export', store.getState()).open).toBe(true);
    // Any later change of the record, here a deleted credential, asks for Save again: the record says so.
    const id = store.getState().record?.target.id ?? '';
    expect(await store.getState().run('credentials.delete', { target_id: id, kind: 'bitbucket' }, 'Deleting the credential')).not.toBeNull();
    expect(store.getState().record?.review).toMatchObject({ current: false });
    expect(wizardGate('export', store.getState())).toMatchObject({ open: false, after: 'review' });
    expect(await store.getState().commitTarget()).toBe(true);
    expect(wizardGate('export', store.getState()).open).toBe(true);
  });

  it('the gate reads the Save from the record, not from the screen: a record saved on Review elsewhere opens Export', () => {
    const { store } = readyStore();
    const record = store.getState().record;
    if (record === null) throw new Error('record expected');
    store.setState({ record: { ...record, review: { saved_at: '2026-11-29T08:30:00.000Z', current: true } } });
    expect(wizardGate('export', store.getState()).open).toBe(true);
    store.setState({ record: { ...record, review: { saved_at: '2026-11-29T08:30:00.000Z', current: false } } });
    expect(wizardGate('export', store.getState()).open).toBe(false);
  });

  it('a new wizard session forgets unsaved marks', async () => {
    const { store } = readyStore();
    await store.getState().commitTarget();
    store.getState().markUnsaved('target', ['Base URL']);
    const session = store.getState().wizardSession;
    store.getState().startWizard();
    expect(store.getState()).toMatchObject({ unsaved: {}, wizardSession: session + 1 });
  });
});
