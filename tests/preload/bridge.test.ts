import { describe, expect, it } from 'vitest';
import { buildBridge, type RendererIpc } from '../../preload/bridge';
import { BRIDGE_EVENTS, CA_PICK_CHANNEL, channelFor, eventChannelFor, METHOD_NAMES, PROGRESS_CHANNEL } from '../../shared/contract/method-names';

type Listener = (...args: unknown[]) => void;

const fakeIpcRenderer = () => {
  const invoked: Array<[string, unknown[]]> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: RendererIpc = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, args]);
      return { ok: true, value: 'answer' };
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l(...args);
  };
  return { ipc, invoked, listeners, emit };
};

describe('the preload bridge', () => {
  it('exposes one verb per contract method, `on`, `onProgress` and the CA dialog, nothing else', () => {
    const bridge = buildBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'on', 'onProgress', 'pickCaFile'].sort());
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("invokes each method's own channel with exactly the input", async () => {
    const fake = fakeIpcRenderer();
    const bridge = buildBridge(fake.ipc);
    for (const name of METHOD_NAMES) await bridge[name]({ probe: name });
    expect(fake.invoked).toEqual(METHOD_NAMES.map((name) => [channelFor(name), [{ probe: name }]]));
  });

  it("passes a call's options (its call_id) as the second argument, and only when given", async () => {
    const fake = fakeIpcRenderer();
    const bridge = buildBridge(fake.ipc);
    await bridge['url.probe']({ base_url: 'https://x' }, { call_id: 'call-0001' });
    await bridge['url.probe']({ base_url: 'https://x' });
    expect(fake.invoked).toEqual([
      [channelFor('url.probe'), [{ base_url: 'https://x' }, { call_id: 'call-0001' }]],
      [channelFor('url.probe'), [{ base_url: 'https://x' }]],
    ]);
  });

  it('onProgress hands the page the payload alone, never the IPC event, and unsubscribes', () => {
    const fake = fakeIpcRenderer();
    const bridge = buildBridge(fake.ipc);
    const heard: unknown[][] = [];
    const off = bridge.onProgress((...args: unknown[]) => heard.push(args));
    const payload = { call_id: 'call-0001', stage: 'tls', state: 'started' };
    fake.emit(PROGRESS_CHANNEL, { sender: 'ipc event with sender', ports: [] }, payload);
    expect(heard).toEqual([[payload]]);
    off();
    fake.emit(PROGRESS_CHANNEL, {}, payload);
    expect(heard).toHaveLength(1);
    expect(fake.listeners.get(PROGRESS_CHANNEL)?.size ?? 0).toBe(0);
  });

  it('pickCaFile invokes the CA dialog channel with no argument the page could choose', async () => {
    const fake = fakeIpcRenderer();
    await buildBridge(fake.ipc).pickCaFile();
    expect(fake.invoked).toEqual([[CA_PICK_CHANNEL, []]]);
  });

  it('forwards a menu event without the IPC event object, and unsubscribes', () => {
    const fake = fakeIpcRenderer();
    const bridge = buildBridge(fake.ipc);
    const calls: unknown[][] = [];
    const off = bridge.on('safe-mode.toggle', (...args: unknown[]) => {
      calls.push(args);
    });
    fake.emit(eventChannelFor('safe-mode.toggle'), { sender: 'ipc event with sender' }, 'extra');
    expect(calls).toEqual([[]]);
    off();
    fake.emit(eventChannelFor('safe-mode.toggle'), {});
    expect(calls).toHaveLength(1);
  });

  it.each(['bts:app.info', 'anything', '__proto__', ''])('subscribes to nothing for the unknown event %j', (name) => {
    const fake = fakeIpcRenderer();
    const bridge = buildBridge(fake.ipc);
    const off = (bridge.on as (event: string, listener: () => void) => () => void)(name, () => undefined);
    expect(fake.listeners.size).toBe(0);
    off();
  });

  it('knows every menu event the main process can send', () => {
    expect(BRIDGE_EVENTS).toEqual(['safe-mode.toggle', 'bundle.review']);
  });
});
