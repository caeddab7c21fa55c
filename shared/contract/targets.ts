import { z } from 'zod';
import { RadarEntry } from '../domain/radar';
import { CheckResults, CredentialState } from '../domain/checks';
import { Readiness } from '../domain/readiness-schema';
import { ReviewSave } from '../domain/review-save';
import { TargetConfig, TargetDraft, TargetId, TargetName } from '../domain/target';
import { method, NoInput } from './define';

/** A saved target with what is known about it. Never a secret: only whether one is stored. */
export const TargetRecord = z.object({
  target: TargetConfig,
  checks: CheckResults,
  credential: CredentialState,
  readiness: Readiness,
  /** The expiry radar's dated entries for this target (certificate, CA, credential, release, end of life); the screen judges them. */
  radar: z.array(RadarEntry).optional(),
  /** The Review step's last Save and whether it still stands; absent: never saved there. bundle.export signs only a current one. */
  review: ReviewSave.optional(),
});
export type TargetRecord = z.infer<typeof TargetRecord>;

/** Lookup by id, or by the unique name (the CLI's `--target NAME`). */
export const TargetRef = z.strictObject({ id: z.string().min(1).max(200) });

export const targetMethods = {
  'targets.list': method(NoInput, z.array(TargetRecord), 'Saved targets with their readiness.'),
  'targets.get': method(TargetRef, TargetRecord, 'One saved target by id or name.'),
  'targets.save': method(
    z.strictObject({
      target: TargetDraft,
      /** The Review step's Save: the admin reviewed this configuration. bundle.export needs one since the record's last change. */
      reviewed: z.literal(true).optional(),
    }),
    TargetRecord,
    'Create or update a target (drafts included). Refuses out-of-order fields. With reviewed: the Review step\'s Save, which Export needs.',
  ),
  'targets.delete': method(TargetRef, z.object({ id: TargetId, deleted: z.literal(true) }), 'Delete a target and its keychain entries.'),
  'targets.rename': method(
    z.strictObject({ id: TargetRef.shape.id, name: TargetName }),
    TargetRecord,
    'Give a saved target a new (unique) name; its id, credentials and checks stay.',
  ),
  'targets.duplicate': method(
    z.strictObject({ id: TargetRef.shape.id, name: TargetName.optional() }),
    TargetRecord,
    'Copy a saved target under a new id, without its secrets, credential facts or check results.',
  ),
  'readiness.evaluate': method(
    z.strictObject({ target: TargetConfig, checks: CheckResults }),
    Readiness,
    'The five ready states and the blocking codes for a target and its check results.',
  ),
};
