import { z } from 'zod';
import { CredentialState } from '../domain/checks';
import { TargetId } from '../domain/target';
import { CalendarDate, CredentialExpiry } from '../domain/credential-meta';
import { method } from './define';
import { TargetRecord } from './targets';

/**
 * The credential kinds the UI can store. `bitbucket`: the Bitbucket API token, access token,
 * app password or Data Center token/password; `jira`: the Jira API token or PAT; `oauth_consumer`:
 * the Bitbucket OAuth consumer secret (with its key). OAuth access and refresh tokens are stored
 * by `oauth.connect` itself and never pass through the renderer.
 */
export const StorableCredentialKind = z.enum(['bitbucket', 'jira', 'oauth_consumer']);
export type StorableCredentialKind = z.infer<typeof StorableCredentialKind>;

export const CredentialKindState = z.object({ kind: StorableCredentialKind, state: CredentialState });
export type CredentialKindState = z.infer<typeof CredentialKindState>;

export const CredentialsStoreInput = z
  .strictObject({
    target_id: TargetId,
    kind: StorableCredentialKind,
    secret: z.string().min(1).max(16_384),
    /** The OAuth consumer key (not secret), required with `oauth_consumer`. */
    consumer_key: z.string().trim().min(1).max(200).optional(),
    /**
     * The day the token stops working, as shown where it was created (YYYY-MM-DD). Without it an
     * Atlassian API token is assumed to expire 365 days after today. Kept in the settings file.
     */
    expires_on: CalendarDate.optional(),
  })
  .refine((v) => v.kind !== 'oauth_consumer' || v.consumer_key !== undefined, {
    message: 'consumer_key is required with oauth_consumer',
    path: ['consumer_key'],
  });

export const CredentialsStatus = z.object({ target_id: TargetId, credentials: z.array(CredentialKindState) });
export type CredentialsStatus = z.infer<typeof CredentialsStatus>;

/** A stored secret: the fresh record (the checks it made stale are gone) and what was stored. */
export const CredentialStored = z.object({
  record: TargetRecord,
  kind: StorableCredentialKind,
  state: z.literal('stored'),
  /** When it was stored and expires (given, assumed or unknown), for the expiry radar. */
  expiry: CredentialExpiry.optional(),
});
export type CredentialStored = z.infer<typeof CredentialStored>;

/** The keychain kinds removed, and the fresh record when the target exists (it outlives its secrets). */
export const CredentialsDeleted = z.object({ record: TargetRecord.optional(), deleted: z.array(z.string()) });
export type CredentialsDeleted = z.infer<typeof CredentialsDeleted>;

export const credentialMethods = {
  'credentials.store': method(
    CredentialsStoreInput,
    CredentialStored,
    'Store a secret in the OS keychain. The only door for secrets; the answer never echoes it.',
  ),
  'credentials.status': method(z.strictObject({ target_id: TargetId }), CredentialsStatus, 'Stored, missing or rejected, per credential kind.'),
  'credentials.delete': method(
    z.strictObject({ target_id: TargetId, kind: StorableCredentialKind.optional() }),
    CredentialsDeleted,
    'Delete one credential kind, or every keychain entry of the target; the checks that judged it are dropped.',
  ),
};
