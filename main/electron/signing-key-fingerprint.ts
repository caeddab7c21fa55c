import { z } from 'zod';

// The About dialog shows the bundle signing key's fingerprint. It asks the contract like every
// other caller; when the method is missing or no key exists yet, the dialog says so instead.

const WithFingerprint = z.object({ ok: z.literal(true), value: z.object({ fingerprint: z.string().min(1).max(200) }) });

export type CallContract = (name: string, payload: unknown) => Promise<unknown>;

export const readSigningKeyFingerprint = async (call: CallContract): Promise<string | null> => {
  try {
    const parsed = WithFingerprint.safeParse(await call('signingKey.get', {}));
    return parsed.success ? parsed.data.value.fingerprint : null;
  } catch {
    return null;
  }
};
