import { accountFor, type SecretStore } from './secret-store';
import type { TargetSecretKind } from './credentials';

/** What the token endpoint issued; only the two tokens are kept. */
export interface IssuedTokens {
  readonly access_token: string;
  readonly refresh_token?: string | undefined;
}

/**
 * The one place OAuth tokens are written: the access token as the target's Bitbucket secret, the
 * refresh token (when one was issued) beside it. Used by the sign-in and by the refresh a check
 * run makes. Answers the keychain kinds that changed.
 */
export const storeOAuthTokens = async (secrets: SecretStore, targetId: string, tokens: IssuedTokens): Promise<TargetSecretKind[]> => {
  await secrets.set(accountFor(targetId, 'bitbucket'), tokens.access_token);
  if (tokens.refresh_token === undefined) return ['bitbucket'];
  await secrets.set(accountFor(targetId, 'bitbucket_refresh'), tokens.refresh_token);
  return ['bitbucket', 'bitbucket_refresh'];
};
