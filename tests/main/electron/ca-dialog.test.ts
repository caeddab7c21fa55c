import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGINS } from '../../../main/electron/app-origin';
import { registerCaDialog } from '../../../main/electron/ca-dialog';
import type { InvokeEventLike, InvokeListener, IpcMainLike } from '../../../main/electron/ipc-adapter';
import { CaPickAnswer } from '../../../shared/contract/desktop';
import { CA_PICK_CHANNEL } from '../../../shared/contract/method-names';
import { CA_A_PEM } from '../../support/corporate-ca';

// The desktop's CA dialog: main reads the chosen file (bounded) and answers its text; the page
// never learns the path, and a call from anything but the app's own window opens no dialog.

const dir = mkdtempSync(join(tmpdir(), 'bts-ca-dialog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const APP_ID = 3;
const appEvent: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL, parent: null }, sender: { id: APP_ID } };

const pick = async (chosen: { canceled: boolean; filePaths: string[] }, event: InvokeEventLike = appEvent) => {
  const handlers = new Map<string, InvokeListener>();
  const ipc: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
  let opened = 0;
  const remove = registerCaDialog(ipc, {
    policy: { origins: APP_ORIGINS, isAppContents: (id) => id === APP_ID },
    choose: async () => {
      opened += 1;
      return chosen;
    },
  });
  const handler = handlers.get(CA_PICK_CHANNEL);
  if (handler === undefined) throw new Error('no handler');
  const answer = CaPickAnswer.parse(await handler(event));
  remove();
  expect(handlers.size).toBe(0);
  return { answer, opened };
};

describe('the desktop CA dialog', () => {
  it("answers the chosen file's text, and nothing of its path", async () => {
    const path = put('corp-ca.pem', CA_A_PEM);
    const { answer } = await pick({ canceled: false, filePaths: [path] });
    expect(answer).toEqual({ state: 'chosen', text: CA_A_PEM });
    expect(JSON.stringify(answer)).not.toContain(dir);
  });

  it('answers cancelled when the admin closes the dialog', async () => {
    expect((await pick({ canceled: true, filePaths: [] })).answer).toEqual({ state: 'cancelled' });
  });

  it.each([
    ['a file over 64 KB', () => put('big.pem', CA_A_PEM.repeat(100)), /^big\.pem is larger than 64 KB$/],
    ['a file that is gone', () => join(dir, 'gone.pem'), /^gone\.pem could not be read \(ENOENT\)$/],
    ['a directory', () => dir, /is not a file$/],
  ])('refuses %s, naming the file only', async (_label, path, reason) => {
    const { answer } = await pick({ canceled: false, filePaths: [path()] });
    expect(answer.state).toBe('refused');
    expect(answer.state === 'refused' ? answer.reason : '').toMatch(reason);
    expect(JSON.stringify(answer)).not.toContain(`${dir}/`);
  });

  it('opens no dialog for a call from another page or a sub-frame', async () => {
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: APP_ID } },
      { senderFrame: { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL, parent: null } }, sender: { id: APP_ID } },
      { senderFrame: { url: APP_ENTRY_URL, parent: null }, sender: { id: 99 } },
    ]) {
      const { answer, opened } = await pick({ canceled: false, filePaths: [put('x.pem', CA_A_PEM)] }, event);
      expect(answer).toEqual({ state: 'cancelled' });
      expect(opened).toBe(0);
    }
  });
});
