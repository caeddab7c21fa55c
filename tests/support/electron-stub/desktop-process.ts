import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { MethodName } from '../../../shared/contract/method-names';
import type { ChildMessage, ChildRequest } from './desktop-child';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../../..');

export interface DesktopProcess {
  /** What the entry did to the stub `electron` while starting. */
  readonly startup: readonly { readonly api: string; readonly args: readonly unknown[] }[];
  /** Calls a contract method through the ipcMain handler the entry registered, from the app's window. */
  call(name: MethodName, payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Starts the desktop entry in plain Node with the stub `electron` (register.mjs), the given
 * environment (HTTPS_PROXY and friends, as the desktop would inherit them) and the loopback DNS
 * server `dns` (`ip:port`).
 */
export const startDesktopProcess = async (input: { env: Readonly<Record<string, string>>; dns: string; userData: string; home: string }): Promise<DesktopProcess> => {
  const child: ChildProcess = fork(resolve(HERE, 'desktop-child.ts'), [], {
    cwd: ROOT,
    execPath: process.execPath,
    execArgv: ['--import', resolve(HERE, 'register.mjs')],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: input.home,
      XDG_CONFIG_HOME: resolve(input.home, '.config'),
      ELECTRON_STUB_APP_PATH: ROOT,
      ELECTRON_STUB_USER_DATA: input.userData,
      ELECTRON_STUB_DNS: input.dns,
      ...input.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const startup = await new Promise<readonly { api: string; args: readonly unknown[] }[]>((done, failed) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') done(message.calls);
      else pending.get(message.id)?.(message.result);
    });
    child.once('exit', (code) => failed(new Error(`the desktop child exited (${String(code)}) before it was ready:\n${stderr}`)));
  });
  return {
    startup,
    call: (name, payload) =>
      new Promise((done) => {
        const id = nextId++;
        pending.set(id, done);
        const request: ChildRequest = { type: 'call', id, name, payload };
        child.send(request);
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
    },
  };
};
