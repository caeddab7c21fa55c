/**
 * The one door for secrets. Implementations keep them in the OS keychain; nothing else in the
 * app holds a secret longer than the call that uses it. Accounts are `<target id>:<kind>`.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Every account currently stored (names only, never the secrets). */
  accounts(): Promise<string[]>;
}

/** The credential kinds a target can hold. */
export type CredentialKind =
  | 'bitbucket'
  | 'bitbucket_refresh'
  /** The Bitbucket OAuth consumer, stored as JSON `{ key, secret }`. */
  | 'oauth_consumer'
  | 'jira'
  | 'signing_key';

export const accountFor = (targetId: string, kind: CredentialKind): string => `${targetId}:${kind}`;

export const SECRET_SERVICE_NAME = 'WebRiskOps Bitbucket Target Setup';
