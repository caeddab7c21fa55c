import { cleanPastedSecret } from '../../../shared/domain/pasted-values';
import { fail, ok, type Result } from '../../../shared/contract/define';
import type { CredentialsDeleted, CredentialStored, StorableCredentialKind } from '../../../shared/contract/credentials';
import { deleteCredentials, storeCredential } from '../secrets/credentials';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { expiryAtStore, updateCredentialMeta, withoutKinds } from './credential-meta';
import { dropStaleAfterSecret } from './invalidate-checks';
import { forgetChecks, loadTarget } from './stored-targets';
import { freshRecord } from './target-records';

// A secret stored or deleted through the contract: the keychain changes, the checks that judged
// the old secret are dropped, and the caller gets the fresh record to show.

export interface TargetKeychainDeps {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
}

export interface CredentialInput {
  readonly targetId: string;
  readonly kind: StorableCredentialKind;
  readonly secret: string;
  readonly consumerKey?: string;
  /** Now, as an ISO timestamp: the stored day the expiry counts from. */
  readonly storedAt: string;
  /** The expiry date the admin gave (YYYY-MM-DD), if any. */
  readonly expiresOn?: string;
}

export const storeTargetCredential = async (deps: TargetKeychainDeps, input: CredentialInput): Promise<Result<CredentialStored>> => {
  const found = await loadTarget(deps.settings, input.targetId);
  if (!found.ok) return found;
  const id = found.value.target.id;
  const expiry = expiryAtStore(found.value.target, input.kind, input.storedAt, input.expiresOn);
  if (!expiry.ok) return expiry;
  const secret = cleanPastedSecret(found.value.target, input.kind, input.secret);
  if (secret === '') return fail('REQUEST_INVALID', 'The secret is empty once the spaces and line breaks around it are removed: paste the token itself.', { field: 'secret' });
  const changed = await storeCredential(deps.secrets, { ...input, secret, targetId: id });
  const stored = await forgetChecks(deps.settings, id, (checks) => dropStaleAfterSecret(checks, changed));
  if (!stored.ok) return stored;
  const e = expiry.value;
  // The secret is bound to the target as it is now: its origin and CA (the Jira URL for Jira's).
  const meta = await updateCredentialMeta(deps.settings, id, (m) => (e === undefined ? withoutKinds(m, changed) : { ...withoutKinds(m, changed), [input.kind]: e }), input.kind === 'jira' ? 'jira' : 'bitbucket');
  if (!meta.ok) return meta;
  // The record as stored now: checks forgotten, and the new credential facts (the radar reads them).
  const record = await freshRecord(deps.secrets, { ...stored.value, credential_meta: meta.value });
  return ok({ record, kind: input.kind, state: 'stored', ...(e === undefined ? {} : { expiry: e }) });
};

/**
 * Deletes one kind or every keychain entry of the target. A target id that names no saved target
 * still has its entries removed (nothing may stay behind); the answer then carries no record.
 */
export const deleteTargetCredentials = async (deps: TargetKeychainDeps, input: { readonly targetId: string; readonly kind?: StorableCredentialKind }): Promise<Result<CredentialsDeleted>> => {
  const found = await loadTarget(deps.settings, input.targetId);
  if (!found.ok && found.error.code !== 'TARGET_NOT_FOUND') return found;
  const id = found.ok ? found.value.target.id : input.targetId;
  const deleted = await deleteCredentials(deps.secrets, id, input.kind);
  if (!found.ok) return ok({ deleted });
  const meta = await updateCredentialMeta(deps.settings, id, (m) => withoutKinds(m, deleted));
  if (!meta.ok && meta.error.code !== 'TARGET_NOT_FOUND') return meta;
  const stored = await forgetChecks(deps.settings, id, (checks) => dropStaleAfterSecret(checks, deleted));
  if (!stored.ok) return stored.error.code === 'TARGET_NOT_FOUND' ? ok({ deleted }) : stored;
  return ok({ record: await freshRecord(deps.secrets, stored.value), deleted });
};
