import { z } from 'zod';

// The About dialog shows the bundle signing key's fingerprint. It asks the contract like every
// other caller (`signingKey.get` without `create`: looking must not make a key); when no key
// exists yet, or the keychain cannot be read, the dialog says so instead.

const WithFingerprint = z.object({ ok: z.literal(true), value: z.object({ fingerprint: z.string().min(1).max(200).nullable() }) });

export type CallContract = (name: string, payload: unknown) => Promise<unknown>;

export const readSigningKeyFingerprint = async (call: CallContract): Promise<string | null> => {
  try {
    const parsed = WithFingerprint.safeParse(await call('signingKey.get', { create: false }));
    return parsed.success ? parsed.data.value.fingerprint : null;
  } catch {
    return null;
  }
};
