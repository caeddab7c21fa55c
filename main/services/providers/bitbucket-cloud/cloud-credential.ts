import { APP_PASSWORDS_RETIRED_ON } from '../../../../shared/domain/vocabulary';

/** A Bitbucket Cloud credential as the client uses it; built from the keychain, never stored elsewhere. */
export type CloudCredential =
  | { readonly method: 'api_token'; readonly email: string; readonly token: string }
  | { readonly method: 'oauth'; readonly accessToken: string }
  | { readonly method: 'access_token'; readonly token: string }
  | { readonly method: 'app_password'; readonly username: string; readonly password: string };

const basic = (user: string, secret: string): string => `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;

/** The Authorization header for a credential. API tokens use the account e-mail, not the username. */
export const authorizationFor = (credential: CloudCredential): string => {
  switch (credential.method) {
    case 'api_token':
      return basic(credential.email, credential.token);
    case 'oauth':
      return `Bearer ${credential.accessToken}`;
    case 'access_token':
      return `Bearer ${credential.token}`;
    case 'app_password':
      return basic(credential.username, credential.password);
    default: {
      const never: never = credential;
      return never;
    }
  }
};

export const HOW_TO_CREATE_API_TOKEN =
  'Create an API token with scopes at https://id.atlassian.com/manage-profile/security/api-tokens ' +
  '("Create API token with scopes", app: Bitbucket), then store it with your Atlassian account e-mail.';

export const APP_PASSWORD_RETIRED = `App passwords were retired on ${APP_PASSWORDS_RETIRED_ON}; Bitbucket Cloud no longer accepts them.`;

/** The sentence shown whenever the app meets an app password, accepted or not. */
export const appPasswordExplanation = (): string => `${APP_PASSWORD_RETIRED} ${HOW_TO_CREATE_API_TOKEN}`;
