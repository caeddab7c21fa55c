import type { CloudAuthMethod, DataCenterAuthMethod } from '../../../shared/domain/vocabulary';
import { APP_PASSWORDS_RETIRED_ON } from '../../../shared/domain/vocabulary';

export type AuthMethod = CloudAuthMethod | DataCenterAuthMethod;

export interface AuthMethodInfo {
  readonly value: AuthMethod;
  readonly label: string;
  readonly note: string;
  /** The field beside the secret that names the account (not a secret; masked in safe mode). */
  readonly account?: 'account_email' | 'username';
  readonly secretLabel?: string;
  readonly retired?: boolean;
}

export const CLOUD_AUTH: readonly AuthMethodInfo[] = [
  {
    value: 'api_token',
    label: 'API token',
    note: 'An Atlassian API token with the Bitbucket scopes, used with your Atlassian account e-mail (not the user name).',
    account: 'account_email',
    secretLabel: 'API token',
  },
  {
    value: 'oauth',
    label: 'OAuth 2.0 consumer',
    note: 'A workspace OAuth consumer. Store its key and secret, then Connect signs in through the system browser.',
    secretLabel: 'OAuth consumer secret',
  },
  {
    value: 'access_token',
    label: 'Access token (workspace, project or repository)',
    note: 'Sent as a Bearer token. Access tokens cannot hold issue scopes, so native issues stay unavailable with one.',
    secretLabel: 'Access token',
  },
  {
    value: 'app_password',
    label: 'App password (retired)',
    note: `Bitbucket retired app passwords on ${APP_PASSWORDS_RETIRED_ON}; a stored one is rejected. Create an API token instead.`,
    retired: true,
  },
];

export const DATA_CENTER_AUTH: readonly AuthMethodInfo[] = [
  {
    value: 'http_access_token',
    label: 'HTTP access token',
    note: 'A personal, project or repository HTTP access token with read permission, sent as a Bearer token.',
    secretLabel: 'HTTP access token',
  },
  {
    value: 'basic',
    label: 'User name and password',
    note: 'HTTP Basic with a Bitbucket Data Center account. Prefer an HTTP access token where you can.',
    account: 'username',
    secretLabel: 'Password',
  },
];
