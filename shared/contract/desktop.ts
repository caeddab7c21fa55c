import { z } from 'zod';
import { CA_PEM_MAX_CHARS } from '../domain/ca';

// The one desktop-only call that is not a contract method: the corporate CA's file dialog. Main
// opens the dialog and reads the chosen file (bounded); the page hands the text to `targets.save`
// (`ca_pem`), where the one CA loader judges it. No path ever reaches the page or the contract.

export const CaPickAnswer = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('chosen'), text: z.string().max(CA_PEM_MAX_CHARS) }),
  z.strictObject({ state: z.literal('cancelled') }),
  /** The file could not be read, or is larger than 64 KB (CA_FILE_INVALID): the reason, with the file's name only. */
  z.strictObject({ state: z.literal('refused'), reason: z.string().max(200) }),
]);
export type CaPickAnswer = z.infer<typeof CaPickAnswer>;
