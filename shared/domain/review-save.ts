import { z } from 'zod';

// The Review step's Save, as the main process keeps it: Export signs only a record that was saved
// there and has not changed since (the target's values, its checks, its credential facts). The
// settings file keeps when and which revision was saved; a record tells the screen whether that
// Save still stands.

/** In the settings file, next to the target: when the Review step saved it and the revision it saved. */
export const ReviewSaveStored = z.object({
  at: z.iso.datetime({ offset: true }),
  /** SHA-256 (hex) of the stored target's values, checks and credential facts at that Save. */
  revision: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type ReviewSaveStored = z.infer<typeof ReviewSaveStored>;

/** On a record: when it was last saved on the Review step, and whether nothing changed since. */
export const ReviewSave = z.strictObject({
  saved_at: z.iso.datetime({ offset: true }),
  /** false: the record changed after that Save (a field, a check run, a credential); Save again before Export. */
  current: z.boolean(),
});
export type ReviewSave = z.infer<typeof ReviewSave>;
