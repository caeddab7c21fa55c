import { z } from 'zod';
import type { HttpResponse } from '../../net/http-client';
import { tryParse } from '../common/parse-body';
import type { ProviderFailure } from '../common/provider-result';
import { DcErrors } from './dc-schemas';

// Two Data Center refusals that are about how the credential was sent, not whether it is right,
// and that each have one fix the admin must be told:
// - 403 "Basic Authentication has been disabled on this instance." Data Center 10.x turns Basic
//   auth off by default (atlassian/data-center-helm-charts#1101); the atlassian-authentication
//   plugin answers `{"message": …}`. The fix is an HTTP access token.
// - 401 with `com.atlassian.bitbucket.auth.CaptchaRequiredAuthenticationException` (body quoted
//   in jenkinsci/stashnotifier-plugin#263): too many failed logins locked the account behind a
//   CAPTCHA; even the right password fails until it is answered in the browser. Atlassian's
//   Seraph-based products say the same with `X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE`
//   (gioboa/jira-plugin#26), which is read too.

const PluginMessage = z.looseObject({ message: z.string().max(2000) });

export type DcAuthRefusal = 'basic_auth_disabled' | 'captcha_required';

const refusalOf = (response: HttpResponse): DcAuthRefusal | undefined => {
  if (response.status === 403 && /basic authentication has been disabled/i.test(tryParse(response, PluginMessage)?.message ?? '')) return 'basic_auth_disabled';
  if (response.status !== 401 && response.status !== 403) return undefined;
  const captchaException = tryParse(response, DcErrors)?.errors.some((e) => e.exceptionName === 'com.atlassian.bitbucket.auth.CaptchaRequiredAuthenticationException') === true;
  const captchaHeader = /CAPTCHA_CHALLENGE/i.test(response.headers['x-authentication-denied-reason'] ?? '');
  return captchaException || captchaHeader ? 'captcha_required' : undefined;
};

const MESSAGES: Readonly<Record<DcAuthRefusal, string>> = {
  basic_auth_disabled:
    'Basic authentication has been disabled on this Data Center instance (Data Center 10.x turns it off by default), so a user name and password cannot sign in here. Create an HTTP access token (your profile → Manage account → HTTP access tokens, with read permission) and choose "HTTP access token".',
  captcha_required:
    'CAPTCHA lock-out: too many failed logins locked this account, and Data Center refuses even the right password until a CAPTCHA is answered. Log in once in the browser to answer the CAPTCHA, then retry (or use an HTTP access token).',
};

/** PROVIDER_AUTH_REQUIRED with the one fix, for a refusal about how the credential was sent; undefined otherwise. */
export const dcAuthRefusal = (response: HttpResponse, what: string): ProviderFailure | undefined => {
  const reason = refusalOf(response);
  if (reason === undefined) return undefined;
  return { code: 'PROVIDER_AUTH_REQUIRED', status: response.status, message: `${MESSAGES[reason]} (HTTP ${response.status} for ${what}.)`, details: { reason } };
};
