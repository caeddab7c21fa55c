import type { CredentialKindState, StorableCredentialKind } from '../../../shared/contract/credentials';
import type { CheckResults } from '../../../shared/domain/checks';
import { z } from 'zod';
import { accountFor, type CredentialKind, type SecretStore } from './secret-store';

// The credential rules on top of the SecretStore: what may be stored through the contract, what
// the UI may learn about it (stored / missing / rejected), and deletion per kind or per target.

export const OAuthConsumerSecret = z.object({ key: z.string().min(1), secret: z.string().min(1) });

/** A keychain kind that belongs to a target (the signing key does not: it is the app's). */
export type TargetSecretKind = Exclude<CredentialKind, 'signing_key'>;
export const TARGET_KINDS: readonly TargetSecretKind[] = ['bitbucket', 'bitbucket_refresh', 'oauth_consumer', 'jira'];

/** Storing the consumer also forgets tokens issued under a previous one; storing a Bitbucket secret forgets the refresh token. */
const SUPERSEDES: Record<StorableCredentialKind, readonly TargetSecretKind[]> = {
  bitbucket: ['bitbucket_refresh'],
  oauth_consumer: ['bitbucket', 'bitbucket_refresh'],
  jira: [],
};

/** Stores one secret (forgetting what it supersedes); answers the keychain kinds that changed. */
export const storeCredential = async (
  secrets: SecretStore,
  input: { readonly targetId: string; readonly kind: StorableCredentialKind; readonly secret: string; readonly consumerKey?: string },
): Promise<TargetSecretKind[]> => {
  const value = input.kind === 'oauth_consumer' ? JSON.stringify({ key: input.consumerKey ?? '', secret: input.secret }) : input.secret;
  for (const k of SUPERSEDES[input.kind]) await secrets.delete(accountFor(input.targetId, k));
  await secrets.set(accountFor(input.targetId, input.kind), value);
  return [input.kind, ...SUPERSEDES[input.kind]];
};

/** Rejected: stored, but the provider answered 401 (or it is a retired app password) at the last check. */
const rejected = (kind: StorableCredentialKind, checks: CheckResults): boolean => {
  if (kind === 'bitbucket') return checks.auth?.status === 'rejected' || checks.auth?.status === 'retired';
  if (kind === 'jira') return checks.jira?.code === 'PROVIDER_AUTH_REQUIRED';
  return false;
};

export const credentialStatus = async (secrets: SecretStore, targetId: string, checks: CheckResults): Promise<CredentialKindState[]> => {
  const accounts = new Set(await secrets.accounts());
  const kinds: StorableCredentialKind[] = ['bitbucket', 'jira', 'oauth_consumer'];
  return kinds.map((kind) => ({
    kind,
    state: !accounts.has(accountFor(targetId, kind)) ? 'missing' : rejected(kind, checks) ? 'rejected' : 'stored',
  }));
};

/** Deletes one kind (with what it supersedes) or every keychain entry of the target; answers the account kinds removed. */
export const deleteCredentials = async (secrets: SecretStore, targetId: string, kind?: StorableCredentialKind): Promise<TargetSecretKind[]> => {
  const kinds = kind === undefined ? TARGET_KINDS : [kind, ...SUPERSEDES[kind]];
  const deleted: TargetSecretKind[] = [];
  for (const k of kinds) if (await secrets.delete(accountFor(targetId, k))) deleted.push(k);
  return deleted;
};

export const readConsumer = async (secrets: SecretStore, targetId: string): Promise<{ clientId: string; clientSecret: string } | null> => {
  const raw = await secrets.get(accountFor(targetId, 'oauth_consumer'));
  if (raw === null) return null;
  try {
    const parsed = OAuthConsumerSecret.safeParse(JSON.parse(raw));
    return parsed.success ? { clientId: parsed.data.key, clientSecret: parsed.data.secret } : null;
  } catch {
    return null;
  }
};
