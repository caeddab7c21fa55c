import { basename } from 'node:path';
import { CA_PICK_CHANNEL } from '../../shared/contract/method-names';
import type { CaPickAnswer } from '../../shared/contract/desktop';
import { CA_PEM_MAX_CHARS } from '../../shared/domain/ca';
import { readCaText } from '../services/tls/ca-loader';
import { senderRejection, type IpcMainLike, type SenderPolicy } from './ipc-adapter';

// The corporate CA's file dialog: the one desktop call that is not a contract method. Main shows
// the dialog and reads the chosen file (bounded); the page hands the text to `targets.save`, where
// the one CA loader judges it. The path stays in main: neither the page nor the contract sees it.

export interface CaDialogDeps {
  readonly policy: SenderPolicy;
  /** Electron's dialog.showOpenDialog for the app's window; resolves to the chosen paths. */
  readonly choose: () => Promise<{ readonly canceled: boolean; readonly filePaths: readonly string[] }>;
  /** Reads a chosen file's text (production: the CA loader's bounded reader). */
  readonly read?: typeof readCaText;
}

/** The answer for one dialog: the file's text, cancelled, or why it could not be read (its name only). */
export const pickCaAnswer = async (deps: Pick<CaDialogDeps, 'choose' | 'read'>): Promise<CaPickAnswer> => {
  const chosen = await deps.choose();
  const path = chosen.filePaths[0];
  if (chosen.canceled || path === undefined) return { state: 'cancelled' };
  const text = await (deps.read ?? readCaText)(path);
  const name = basename(path).slice(0, 120);
  if (!text.ok) {
    // The loader's reason names the full path; the page is told the file's name only.
    return { state: 'refused', reason: String(text.error.details?.['reason'] ?? 'it could not be read').replace(path, name).slice(0, 200) };
  }
  if (text.value.length > CA_PEM_MAX_CHARS) return { state: 'refused', reason: `${name} is larger than ${CA_PEM_MAX_CHARS / 1024} KB` };
  return { state: 'chosen', text: text.value };
};

/** Registers the dialog's IPC handler (sender checked like every contract call); returns its removal. */
export const registerCaDialog = (ipc: IpcMainLike, deps: CaDialogDeps): (() => void) => {
  ipc.handle(CA_PICK_CHANNEL, async (event) => {
    if (senderRejection(event, deps.policy) !== null) return { state: 'cancelled' } satisfies CaPickAnswer;
    return pickCaAnswer(deps);
  });
  return () => ipc.removeHandler(CA_PICK_CHANNEL);
};
