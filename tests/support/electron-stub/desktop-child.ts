import { channelFor, type MethodName } from '../../../shared/contract/method-names';
import { APP_ENTRY_URL } from '../../../main/electron/app-origin';
import { startDesktop } from '../../../main/electron/app';
import { createDnsResolver } from '../../../main/services/url-safety/resolver';
import { memorySecretStore } from '../memory-secret-store';
import { testJudge } from '../url-safety/fixture';
import { ipcHandlers, stubCalls, whenLoaded } from './electron';

// The desktop entry in a child Node process (started by desktop-process.ts with register.mjs):
// `startDesktop` runs as main/index.ts runs it, against the stub `electron`, with the proxy env the
// parent put in process.env. Only the resolver (the parent's loopback DNS server, in
// ELECTRON_STUB_DNS), the judge (loopback permitted) and the keychain (in memory) are handed in.
// The parent then calls contract methods through the registered ipcMain handlers, as the preload
// would from the app's window.

export type ChildRequest = { readonly type: 'call'; readonly id: number; readonly name: MethodName; readonly payload: unknown };
export type ChildMessage =
  | { readonly type: 'ready'; readonly calls: readonly { api: string; args: readonly unknown[] }[] }
  | { readonly type: 'answer'; readonly id: number; readonly result: unknown };

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

const dns = process.env['ELECTRON_STUB_DNS'];
if (dns === undefined) throw new Error('ELECTRON_STUB_DNS is not set');
startDesktop({ network: { resolver: createDnsResolver({ servers: [dns] }), judge: testJudge }, secrets: memorySecretStore().store });

const win = await whenLoaded();
process.on('message', (request: ChildRequest) => {
  const handler = ipcHandlers.get(channelFor(request.name));
  const event = { sender: win.webContents, senderFrame: { url: APP_ENTRY_URL, parent: null } };
  const answer = handler === undefined ? Promise.resolve({ ok: false, error: { code: 'METHOD_UNKNOWN', message: 'no handler' } }) : Promise.resolve(handler(event, request.payload));
  void answer.then((result) => send({ type: 'answer', id: request.id, result }));
});
send({ type: 'ready', calls: structuredClone(stubCalls.map((c) => ({ api: c.api, args: c.args }))) });
