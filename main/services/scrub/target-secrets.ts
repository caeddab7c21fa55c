import { isCloud, type TargetConfig } from '../../../shared/domain/target';
import { OAuthConsumerSecret, TARGET_KINDS } from '../secrets/credentials';
import { accountFor, type SecretStore } from '../secrets/secret-store';
import { createSecretScrubber, type KnownSecrets, type SecretScrubber } from './secret-scrubber';

// What the scrubber must know about one target: every secret the keychain holds for it, and the
// user names its Basic-auth headers carry (not secrets, but part of the Authorization value).

const secretsIn = (kind: string, value: string): string[] => {
  if (kind !== 'oauth_consumer') return [value];
  try {
    const consumer = OAuthConsumerSecret.safeParse(JSON.parse(value));
    return consumer.success ? [consumer.data.secret] : [value];
  } catch {
    return [value];
  }
};

/** The target's stored secrets. Throws what the keychain throws (callers map KeychainUnavailableError). */
export const readTargetSecrets = async (store: SecretStore, targetId: string): Promise<string[]> => {
  const found: string[] = [];
  for (const kind of TARGET_KINDS) {
    const value = await store.get(accountFor(targetId, kind));
    if (value !== null) found.push(...secretsIn(kind, value));
  }
  return found;
};

/** The Basic-auth user names a target's requests carry: Cloud and Jira e-mails, the Data Center user. */
export const basicUsersOf = (target: TargetConfig): string[] => {
  const users = [isCloud(target) ? target.account_email : target.username, target.jira?.account_email];
  return users.filter((u): u is string => u !== undefined);
};

export const knownSecretsOf = async (store: SecretStore, target: TargetConfig, extra: readonly string[] = []): Promise<KnownSecrets> => ({
  secrets: [...(await readTargetSecrets(store, target.id)), ...extra],
  users: basicUsersOf(target),
});

/** A scrubber for everything a provider said about this target. */
export const targetScrubber = async (store: SecretStore, target: TargetConfig, extra: readonly string[] = []): Promise<SecretScrubber> =>
  createSecretScrubber(await knownSecretsOf(store, target, extra));
