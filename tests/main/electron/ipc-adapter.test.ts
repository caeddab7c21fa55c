import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGINS } from '../../../main/electron/app-origin';
import {
  registerIpcHandlers,
  type FrameLike,
  type InvokeEventLike,
  type InvokeListener,
  type IpcMainLike,
} from '../../../main/electron/ipc-adapter';
import { channelFor, METHOD_NAMES, PROGRESS_CHANNEL } from '../../../shared/contract/method-names';
import { ProgressEvent } from '../../../shared/contract/progress';
import { testNetwork } from '../../support/url-safety/test-network';
import { testApi } from '../../support/test-api';

/** Behaves like Electron's ipcMain: one handler per channel, invoking an unknown channel rejects. */
const fakeIpcMain = () => {
  const handlers = new Map<string, InvokeListener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  const invoke = async (channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  };
  return { ipc, invoke, handlers };
};

const APP_CONTENTS_ID = 7;
const mainFrame = (url: string = APP_ENTRY_URL): FrameLike => ({ url, parent: null });
const appEvent = (frame: FrameLike | null = mainFrame(), id = APP_CONTENTS_ID): InvokeEventLike => ({ senderFrame: frame, sender: { id } });

const harness = testApi();
afterAll(() => harness.cleanup());

const setup = () => {
  const fake = fakeIpcMain();
  const rejected: Array<[string, string]> = [];
  const dispose = registerIpcHandlers(fake.ipc, harness.api.call, {
    policy: { origins: APP_ORIGINS, isAppContents: (id) => id === APP_CONTENTS_ID },
    onRejected: (name, reason) => rejected.push([name, reason]),
  });
  return { ...fake, rejected, dispose };
};

describe('the IPC adapter', () => {
  it('registers exactly one handler per contract method, on the derived channel', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelFor).sort());
  });

  it("answers a call from the app's own main frame through the api", async () => {
    const { invoke } = setup();
    const answer = (await invoke(channelFor('app.info'), appEvent(), {})) as { ok: boolean; value: { name: string } };
    expect(answer).toMatchObject({ ok: true, value: { name: 'Bitbucket Target Setup' } });
  });

  const parentFrame = mainFrame();
  it.each([
    ['a foreign origin', appEvent(mainFrame('https://evil.example/')), 'foreign-origin'],
    ['a file: page', appEvent(mainFrame('file:///etc/passwd')), 'foreign-origin'],
    ['a data: page', appEvent(mainFrame('data:text/html,x')), 'foreign-origin'],
    ['a look-alike app origin', appEvent(mainFrame('app://bundle.evil/')), 'foreign-origin'],
    ['a sub-frame of the app page', appEvent({ url: APP_ENTRY_URL, parent: parentFrame }), 'sub-frame'],
    ['another webContents', appEvent(mainFrame(), 99), 'foreign-contents'],
    ['a frame that is gone', appEvent(null), 'no-frame'],
  ] as const)('refuses %s with IPC_SENDER_REJECTED, without calling the api', async (_label, event, reason) => {
    const { invoke, rejected } = setup();
    const answer = await invoke(channelFor('targets.list'), event, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED', details: { reason } } });
    expect(rejected).toEqual([['targets.list', reason]]);
  });

  it('has no handler for a method outside the contract (the invoke is rejected by ipcMain itself)', async () => {
    const { invoke } = setup();
    await expect(invoke('bts:shell.exec', appEvent(), { cmd: 'id' })).rejects.toThrow(/No handler registered/);
    await expect(invoke('bts:__proto__', appEvent(), {})).rejects.toThrow(/No handler registered/);
  });

  it.each([
    ['a string', 'targets.get', 'not-an-object'],
    ['a missing field', 'targets.get', {}],
    ['an extra field', 'app.info', { extra: true }],
    ['a wrong type', 'targets.save', { target: 42 }],
  ] as const)('answers an invalid payload (%s) with REQUEST_INVALID', async (_label, name, payload) => {
    const { invoke } = setup();
    const answer = await invoke(channelFor(name), appEvent(), payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });

  it('answers extra arguments with REQUEST_INVALID', async () => {
    const { invoke } = setup();
    expect(await invoke(channelFor('app.info'), appEvent(), {}, 'second')).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });

  it('turns a thrown exception into INTERNAL_ERROR instead of letting it cross IPC', async () => {
    const fake = fakeIpcMain();
    registerIpcHandlers(
      fake.ipc,
      async () => {
        throw new Error('secret-laden stack');
      },
      { policy: { origins: APP_ORIGINS, isAppContents: () => true } },
    );
    const answer = await fake.invoke(channelFor('app.info'), appEvent(), {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(JSON.stringify(answer)).not.toContain('secret-laden');
  });

  it('answers a second extra argument, or options that are not CallOptions, with REQUEST_INVALID', async () => {
    const { invoke } = setup();
    expect(await invoke(channelFor('app.info'), appEvent(), {}, {}, 'third')).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
    expect(await invoke(channelFor('url.check'), appEvent(), { url: 'https://x.example/' }, { call_id: 'call-0001', extra: 1 })).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
    expect(await invoke(channelFor('url.check'), appEvent(), { url: 'https://x.example/' }, { call_id: 'no spaces allowed' })).toMatchObject({ ok: false, error: { code: 'REQUEST_INVALID' } });
  });

  it("sends a named call's progress to the calling window only, and only that window can cancel it", async () => {
    // A resolver that never answers: the call waits in its DNS stage until it is cancelled.
    const silentDns = { resolve4: () => new Promise<string[]>(() => undefined), resolve6: () => new Promise<string[]>(() => undefined) };
    const slow = testApi({ network: testNetwork({ resolver: silentDns }) });
    const fake = fakeIpcMain();
    registerIpcHandlers(fake.ipc, slow.api.call, { policy: { origins: APP_ORIGINS, isAppContents: (id) => id === 7 || id === 8 } });
    const sent = new Map<number, unknown[][]>([[7, []], [8, []]]);
    const windowEvent = (id: number): InvokeEventLike => ({ senderFrame: mainFrame(), sender: { id, send: (...args: unknown[]) => sent.get(id)?.push(args) } });
    const call = fake.invoke(channelFor('url.check'), windowEvent(7), { url: 'https://bitbucket.example-corp.com/' }, { call_id: 'ipc-call-1' });
    const until = Date.now() + 5_000;
    while ((sent.get(7)?.length ?? 0) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    expect(sent.get(7)).toEqual([[PROGRESS_CHANNEL, expect.objectContaining({ call_id: 'ipc-call-1', method: 'url.check', stage: 'dns', state: 'started' })]]);
    expect(ProgressEvent.safeParse(sent.get(7)?.[0]?.[1]).success).toBe(true);
    expect(await fake.invoke(channelFor('calls.cancel'), windowEvent(8), { call_id: 'ipc-call-1' })).toEqual({ ok: true, value: { cancelled: false } });
    expect(await fake.invoke(channelFor('calls.cancel'), windowEvent(7), { call_id: 'ipc-call-1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await call).toMatchObject({ ok: false, error: { code: 'CHECK_CANCELLED' } });
    expect(sent.get(7)?.at(-1)).toEqual([PROGRESS_CHANNEL, expect.objectContaining({ stage: 'dns', state: 'cancelled' })]);
    expect(sent.get(8)).toEqual([]);
    slow.cleanup();
  });

  it('removes every handler it registered', () => {
    const { handlers, dispose } = setup();
    dispose();
    expect(handlers.size).toBe(0);
  });
});
