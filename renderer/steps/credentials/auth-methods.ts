import type { CloudAuthMethod, DataCenterAuthMethod } from '../../../shared/domain/vocabulary';
import type { HelpLinkId } from '../../../shared/domain/help-links';
import { APP_PASSWORDS_RETIRED_ON, REQUIRED_CLOUD_SCOPES } from '../../../shared/domain/vocabulary';

export type AuthMethod = CloudAuthMethod | DataCenterAuthMethod;

export interface AuthMethodInfo {
  readonly value: AuthMethod;
  readonly label: string;
  readonly note: string;
  /** The field beside the secret that names the account (not a secret; masked in safe mode). */
  readonly account?: 'account_email' | 'username';
  readonly secretLabel?: string;
  readonly retired?: boolean;
  /** Atlassian's pages on creating this credential, and what it must be allowed to do. */
  readonly help?: readonly HelpLinkId[];
  /** What to grant it, in one line, next to the help link. */
  readonly grant?: string;
}

export const CLOUD_AUTH: readonly AuthMethodInfo[] = [
  {
    value: 'api_token',
    label: 'API token',
    note: 'An Atlassian API token with the Bitbucket scopes, used with your Atlassian account e-mail (not the user name).',
    account: 'account_email',
    secretLabel: 'API token',
    help: ['cloudApiToken', 'cloudApiTokenPermissions'],
    grant: `Create it with scopes, choose Bitbucket as the app, and grant ${REQUIRED_CLOUD_SCOPES.api_token.join(', ')} (the issue scopes matter only for native issues).`,
  },
  {
    value: 'oauth',
    label: 'OAuth 2.0 consumer',
    note: 'A workspace OAuth consumer. Store its key and secret, then Connect signs in through the system browser.',
    secretLabel: 'OAuth consumer secret',
    help: ['oauthConsumer'],
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
    help: ['dataCenterHttpAccessToken'],
    grant: 'Create it in your profile (Manage account → HTTP access tokens) or in the project or repository settings, with Project read and Repository read permission.',
  },
  {
    value: 'basic',
    label: 'User name and password',
    note: 'HTTP Basic with a Bitbucket Data Center account. Prefer an HTTP access token where you can.',
    account: 'username',
    secretLabel: 'Password',
  },
];
