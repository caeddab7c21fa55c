import { z } from 'zod';
import { CredentialState } from '../domain/checks';
import { TargetId } from '../domain/target';
import { method } from './define';

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
  })
  .refine((v) => v.kind !== 'oauth_consumer' || v.consumer_key !== undefined, {
    message: 'consumer_key is required with oauth_consumer',
    path: ['consumer_key'],
  });

export const CredentialsStatus = z.object({ target_id: TargetId, credentials: z.array(CredentialKindState) });
export type CredentialsStatus = z.infer<typeof CredentialsStatus>;

export const credentialMethods = {
  'credentials.store': method(
    CredentialsStoreInput,
    z.object({ target_id: TargetId, kind: StorableCredentialKind, state: z.literal('stored') }),
    'Store a secret in the OS keychain. The only door for secrets; the answer never echoes it.',
  ),
  'credentials.status': method(z.strictObject({ target_id: TargetId }), CredentialsStatus, 'Stored, missing or rejected, per credential kind.'),
  'credentials.delete': method(
    z.strictObject({ target_id: TargetId, kind: StorableCredentialKind.optional() }),
    z.object({ target_id: TargetId, deleted: z.array(z.string()) }),
    'Delete one credential kind, or every keychain entry of the target.',
  ),
};
